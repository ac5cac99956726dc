import Foundation

@_spi(Benchmark) @testable import SitegenKit

/// The parsers sitegen runs on what authors write and on what it checks, each as a function of arbitrary bytes that
/// must return without crashing, hanging or touching memory it does not own, whatever the bytes are. The same
/// functions run under libFuzzer (`.ci/fuzz`) and replay the kept corpus in `swift test`.
enum FuzzTarget: String, CaseIterable {
    /// A content page: decoding, front matter, its YAML and every key's checks, and the Markdown.
    case page
    /// A theme template: the Mustache parser, then rendering what parses.
    case template
    /// A sample note's template, as the YAML of its `note` key.
    case note
    /// `sitegen check`'s HTML scanner and its character-reference decoding.
    case html
    /// Link destinations resolved from a page, and relative URLs between two paths.
    case links

    /// Runs the target on one input.
    func run(_ bytes: [UInt8]) {
        switch self {
        case .page: Self.page(bytes)
        case .template: Self.template(bytes)
        case .note: Self.note(bytes)
        case .html: _ = HTMLScanner.tokens(in: String(decoding: bytes, as: UTF8.self))
        case .links: Self.links(bytes)
        }
    }

    /// The note feature as the guide defines it (elements, fields, questions, checks), read as a build reads it when
    /// the fuzzer runs from the repository, so the kept corpus of real notes decodes past its names.
    static let notes =
        (try? NoteFeature.load(from: ContentFolder(path: "content", displayName: "content")))
        ?? NoteFeature(elements: [], fields: [], questions: [], checks: .none)
    static let features = FeatureSet(features: [notes])

    private static func page(_ bytes: [UInt8]) {
        guard let file = try? SourceFile.decode(bytes, displayPath: "content/fuzz.md"),
            let front = try? FrontMatter.split(file)
        else { return }
        _ = try? PageMeta.decode(front, in: file, features: features)
        let document = MarkdownRenderer().render(
            front.body, firstLine: front.bodyFirstLine, rewriteLink: { "x/" + $0 }, embed: { "<b>\($0)</b>" })
        // Every link the document reports must point into the text it came from.
        for link in document.links { _ = link.position(in: file.text) }
    }

    private static func template(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let template = try? Template(parsing: text) else { return }
        let library = TemplateLibrary(["t": template, "p": template])
        _ = library.cycle()
        _ = library.render("t", with: StarterValues(title: "A <b>title</b> & more", slug: "a-slug"))
    }

    private static func note(_ bytes: [UInt8]) {
        guard let file = try? SourceFile.decode(bytes, displayPath: "content/notes/fuzz.md"),
            let value = try? YAMLValue.parse(file.text, in: file, firstLine: 1)
        else { return }
        guard let note = try? NoteTemplate.decode(value, vocabulary: notes.vocabulary) else { return }
        // A template the build accepts keeps every rule for whatever a reader types: anything else is a bug in the
        // rules or the build's check of them, so it stops the fuzzer.
        guard notes.firstProblem(in: NotePage(template: note, sample: [:], answers: [:])) == nil else { return }
        for typed in hostileValues {
            let values = Dictionary(uniqueKeysWithValues: notes.fields.map { ($0.id, typed) })
            let problems = NoteInvariants.problems(
                in: notes.composer.compose(note, values: values), leaning: notes.checks.leaning)
            if let problem = problems.first {
                fatalError("a template that builds breaks a rule with “\(typed)”: \(problem)")
            }
        }
    }

    /// What readers type into every field at once, at its worst.
    static let hostileValues = [
        "Sam & <Co>.", " acme! ", "Helping your team..", "Dear Dana,", "Tom,!!", ". , x", "the Data Analyst. role",
        "looking forward to . building", "“quoted”", "eBay…", "شركة", "🚀", "", "Acme Inc.",
    ]

    private static func links(_ bytes: [UInt8]) {
        // The first line is the destination, the second the page it is written in, the third an asset.
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let destination = String(lines.first ?? "")
        let from = lines.count > 1 ? String(lines[1]) : "notes/a.md"
        let asset = lines.count > 2 ? String(lines[2]) : "files/a b.pdf"
        // A site never holds one source twice (loading refuses it), so neither does this one.
        var pages = [Route(source: "index.md"), Route(source: "notes/a.md")]
        if !pages.contains(where: { $0.source == from }), from.hasSuffix(".md") {
            pages.append(Route(source: from))
        }
        let resolver = LinkResolver(pages: pages, assets: [asset])
        _ = resolver.target(of: destination, from: pages[1])
        _ = resolver.target(of: destination, from: pages[pages.count - 1])
        _ = RelativePath.url(from: from, to: destination)
        _ = RelativePath.resolve(destination, against: from)
    }
}
