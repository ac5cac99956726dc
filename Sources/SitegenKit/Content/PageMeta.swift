import Foundation

/// A page's front matter, decoded and checked.
public struct PageMeta: Sendable {
    /// The page title (required).
    public var title: String
    /// One sentence for the description meta tag and page lists.
    public var description: String?
    /// The theme template that renders the page.
    public var layout: String
    /// Position in the site navigation; pages without it are not listed there.
    public var nav: Int?
    /// Short label for the navigation; defaults to the title.
    public var navTitle: String?
    /// Forces the table of contents on or off; by default long pages get one.
    public var toc: Bool?
    /// Left out of the build unless drafts are asked for.
    public var draft: Bool
    /// The note template, on sample-note pages.
    public var note: NoteTemplate?
    /// Sample values for the note's fields.
    public var sample: [String: String]
    /// A page that works on its own: its style and script are inlined, the site's note data is embedded, and a
    /// Content-Security-Policy forbids every request.
    public var standalone: Bool
    /// Publication date, `YYYY-MM-DD`; dated pages go into the Atom feed.
    public var date: String?

    /// Every key front matter may use.
    public static let keys = [
        "title", "description", "layout", "nav", "nav_title", "toc", "draft", "note", "sample", "standalone", "date",
    ]

    /// The layout pages get when they name none.
    public static let defaultLayout = "page"
}

extension PageMeta {
    /// Whether the two differ in anything other pages show: navigation, lists of notes, the embedded note data,
    /// previous/next links, the sitemap and feed. When they do not, a changed page can be re-rendered alone.
    func sharesEverythingOthersShow(with other: PageMeta) -> Bool {
        title == other.title && navTitle == other.navTitle && nav == other.nav && description == other.description
            && note == other.note && sample == other.sample && draft == other.draft && date == other.date
    }

    /// A `YYYY-MM-DD` date, checked for shape and for being a real day.
    static func date(_ value: YAMLValue) throws(Diagnostic) -> String {
        let text = try value.string(what: "`date`")
        let parts = text.split(separator: "-").compactMap { Int($0) }
        let shape = text.count == 10 && parts.count == 3 && text.allSatisfy { $0.isNumber || $0 == "-" }
        var components = DateComponents()
        if shape { (components.year, components.month, components.day) = (parts[0], parts[1], parts[2]) }
        guard shape,
            Calendar(identifier: .gregorian).date(from: components).map({ _ in
                components.isValidDate(in: Calendar(identifier: .gregorian))
            }) == true
        else {
            throw value.error("`date` must be a day written as YYYY-MM-DD", hint: "for example `date: 2026-11-26`")
        }
        return text
    }

    /// Decodes front matter; `elements` and `fields` check what a note names.
    static func decode(_ front: FrontMatter, in file: SourceFile, elements: [Element], fields: [Field])
        throws(Diagnostic) -> PageMeta
    {
        let root = try YAMLValue.parse(front.yaml, in: file, firstLine: front.yamlFirstLine)
        let keys = try root.mapping(allowedKeys: Self.keys, what: "front matter")
        guard let title = keys["title"] else {
            throw file.diagnostic(
                line: 1, column: 1, "this page has no `title`", hint: "add `title: ...` to its front matter")
        }
        var note: NoteTemplate?
        if let value = keys["note"] {
            note = try NoteTemplate.decode(value, elements: elements, fields: fields)
        }
        var sample: [String: String] = [:]
        if let value = keys["sample"] {
            let known = fields.map(\.id)
            for (id, entry) in try value.mapping(allowedKeys: known, what: "`sample`") {
                sample[id] = try entry.nonEmptyString(what: "sample value `\(id)`")
            }
        }
        if let note {
            let missing = note.fieldIDs.filter { sample[$0] == nil }
            if !missing.isEmpty {
                let at = keys["sample"] ?? keys["note"]!
                throw at.error(
                    "`sample` has no value for \(missing.map { "`\($0)`" }.joined(separator: ", "))",
                    hint: "every field the note uses needs a sample value")
            }
        } else if let value = keys["sample"] {
            throw value.error("`sample` is only used with `note`")
        }
        return PageMeta(
            title: try title.nonEmptyString(what: "`title`"),
            description: try keys["description"]?.string(what: "`description`"),
            layout: try keys["layout"]?.nonEmptyString(what: "`layout`") ?? defaultLayout,
            nav: try keys["nav"]?.int(what: "`nav`"),
            navTitle: try keys["nav_title"]?.nonEmptyString(what: "`nav_title`"),
            toc: try keys["toc"]?.bool(what: "`toc`"),
            draft: try keys["draft"]?.bool(what: "`draft`") ?? false,
            note: note,
            sample: sample,
            standalone: try keys["standalone"]?.bool(what: "`standalone`") ?? false,
            date: try keys["date"].map(Self.date)
        )
    }
}
