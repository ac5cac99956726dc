import Foundation

/// Renders one page from its source to finished HTML. Pure: it reads only its arguments, so pages can be
/// rendered in any order or in parallel with the same result.
struct PageRenderer: Sendable {
    let index: SiteIndex
    let theme: Theme
    let markdown = MarkdownRenderer()
    /// What templates see as `site`: the same for every page, so made once.
    private let site: PageContext.Site

    init(index: SiteIndex, theme: Theme) {
        self.index = index
        self.theme = theme
        site = PageContext.Site(
            title: index.config.title, description: index.config.description, author: index.config.author,
            language: index.config.language, generator: "sitegen \(SitegenVersion.current)", url: index.config.url)
    }

    /// The embeds authors can place with `<!-- sitegen:NAME -->`, each rendered by the theme template `embeds/NAME`.
    static let embeds = ["elements", "notes"]

    func render(_ page: PageSource) throws(BuildFailure) -> RenderedPage {
        let route = page.route
        let (file, front): (SourceFile, FrontMatter)
        do {
            (file, front) = try page.read()
        } catch {
            throw BuildFailure(error)
        }
        let root = RelativePath.rootPrefix(from: route.output)
        let elements = index.elements.map(ElementView.init)
        let notes = index.notes.map {
            NoteSummary(
                title: $0.title, description: $0.description, recipient: $0.recipient,
                href: RelativePath.url(from: route.output, to: $0.route.output),
                elementCount: $0.template.elementIDs.count)
        }
        let embedContext = EmbedContext(root: root, elements: elements, notes: notes)
        var problems: [Diagnostic] = []
        // Each link is resolved once, in document order (the order of `document.links`); link checking reuses
        // the answers.
        var targets: [LinkResolver.Target] = []
        let document = markdown.render(
            front.body, firstLine: front.bodyFirstLine,
            rewriteLink: { destination in
                let target = index.links.target(of: destination, from: route)
                targets.append(target)
                return index.links.href(for: target, from: route)
            },
            embed: { name in
                guard Self.embeds.contains(name) else { return nil }
                do throws(Diagnostic) {
                    let html = try theme.render(
                        "embeds/\(name)", context: embedContext,
                        requestedBy: SourceLocation(file: page.displayPath))
                    return String(decoding: html, as: UTF8.self)
                } catch {
                    problems.append(error)
                    return ""
                }
            })
        for embed in document.unknownEmbeds {
            problems.append(
                file.diagnostic(
                    line: embed.line, column: embed.column, "unknown embed `sitegen:\(embed.name)`",
                    hint: Suggestion.closest(to: embed.name, among: Self.embeds).map {
                        "did you mean `sitegen:\($0)`?"
                    }
                        ?? "known embeds: \(Self.embeds.joined(separator: ", "))"))
        }

        let tocHeadings = document.headings.filter { (2...3).contains($0.level) }
        let neighbours = index.neighbours(of: route)
        func link(_ entry: SiteIndex.NavEntry?) -> PageContext.NavItem? {
            entry.map {
                PageContext.NavItem(
                    title: $0.title, href: RelativePath.url(from: route.output, to: $0.route.output), isCurrent: false)
            }
        }
        let words = front.body.wordCount
        let context = PageContext(
            site: site,
            page: .init(
                title: page.meta.title,
                description: page.meta.description ?? index.config.description,
                body: document.htmlBytes,
                layout: page.meta.layout,
                toc: tocHeadings.map { .init(id: $0.id, text: $0.text, level: $0.level, isSub: $0.level > 2) },
                hasToc: page.meta.toc ?? (tocHeadings.filter { $0.level == 2 }.count >= 3),
                isHome: route.output == "index.html",
                readingMinutes: max(1, (words + 115) / 230),
                canonical: index.baseURL.map { $0 + (route.output == "index.html" ? "" : route.output) },
                previous: link(neighbours.previous),
                next: link(neighbours.next),
                hasPager: neighbours.previous != nil || neighbours.next != nil),
            root: root,
            home: .init(href: root + "index.html"),
            stylesheet: .init(href: root + "assets/style.css"),
            favicon: theme.favicon,
            standalone: page.meta.standalone ? standalone(layout: page.meta.layout) : nil,
            nav: index.nav.map {
                PageContext.NavItem(
                    title: $0.title, href: RelativePath.url(from: route.output, to: $0.route.output),
                    isCurrent: $0.route == route)
            },
            elements: elements,
            note: page.meta.note.map { NoteView($0, values: page.meta.sample, elements: index.elements) },
            notes: notes
        )
        var html: [UInt8] = []
        do throws(Diagnostic) {
            html = try theme.render(
                page.meta.layout, context: context,
                requestedBy: SourceLocation(file: page.displayPath))
        } catch {
            problems.append(error)
        }
        guard problems.isEmpty else { throw BuildFailure(problems) }
        return RenderedPage(
            folder: page.folder, route: page.route, html: html, anchors: HeadingIDs(document.headings.map(\.id)),
            pendingLinks: zip(document.links, targets).compactMap { link, target in
                PendingLink.needsCheck(target) ? PendingLink(link: link, target: target) : nil
            })
    }
}

extension PageRenderer {
    /// The inlined style, script and data of a standalone page, with the policy that allows exactly them.
    func standalone(layout: String) -> PageContext.Standalone {
        let style = [theme.stylesheet, theme.inlineFiles["\(layout).css"]].compactMap { $0 }.joined(separator: "\n")
        let script = theme.inlineFiles["\(layout).js"] ?? ""
        return PageContext.Standalone(
            style: style, script: script, data: index.noteDataJSON,
            csp: ContentSecurityPolicy.offline(scripts: script.isEmpty ? [] : [script], styles: [style]),
            blankNotes: index.notes.map { note in
                PageContext.BlankNote(
                    id: NoteData.id(of: note.route), title: note.title,
                    note: NoteView(note.template, values: index.blanks, elements: index.elements))
            })
    }
}

/// What embed templates see.
struct EmbedContext {
    var root: String
    var elements: [ElementView]
    var notes: [NoteSummary]
}
