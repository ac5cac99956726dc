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

    /// The embeds authors can place with `<!-- sitegen:NAME -->`, each rendered by the theme template `embeds/NAME`:
    /// the features' own.
    var embeds: [String] { index.features.flatMap(\.embeds) }

    func render(_ page: PageSource) throws(SitegenError) -> RenderedPage {
        let route = page.route
        let (file, front) = try page.read()
        let root = RelativePath.rootPrefix(from: route.output)
        let features = index.features.indices.map { position in
            index.features[position].values(
                for: page.meta.feature(position),
                at: route.output, standalone: page.meta.standalone)
        }
        let embeds = self.embeds
        let embedContext = EmbedContext(root: root, features: features)
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
                guard embeds.contains(name) else { return nil }
                do throws(SitegenError) {
                    let html = try theme.render(
                        "embeds/\(name)", context: embedContext,
                        requestedBy: SourceLocation(file: page.displayPath))
                    return String(decoding: html, as: UTF8.self)
                } catch {
                    problems += error.diagnostics
                    return ""
                }
            })
        for embed in document.unknownEmbeds {
            problems.append(
                file.diagnostic(
                    line: embed.line, column: embed.column, "unknown embed `sitegen:\(embed.name)`",
                    hint: Suggestion.closest(to: embed.name, among: embeds).map {
                        "did you mean `sitegen:\($0)`?"
                    }
                        ?? (embeds.isEmpty
                            ? "this site has no embeds" : "known embeds: \(embeds.joined(separator: ", "))")))
        }

        let tocHeadings = document.headings.filter { (2...3).contains($0.level) }
        let neighbours = index.neighbours(of: route)
        func link(_ entry: SiteIndex.NavEntry?) -> PageContext.NavItem? {
            entry.map {
                PageContext.NavItem(
                    title: $0.title, href: RelativePath.href(from: route.output, to: $0.route.output), isCurrent: false)
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
                // A not-found page stands for every missing address; it is no page's canonical version.
                canonical: route.output == SiteFiles.notFoundPage
                    ? nil
                    : index.baseURL.map {
                        $0 + (route.output == "index.html" ? "" : RelativePath.percentEncoded(route.output))
                    },
                previous: link(neighbours.previous),
                next: link(neighbours.next),
                hasPager: neighbours.previous != nil || neighbours.next != nil),
            root: root,
            home: .init(href: root + "index.html"),
            stylesheet: .init(href: root + "assets/style.css"),
            favicon: theme.favicon,
            standalone: page.meta.standalone
                ? standalone(layout: page.meta.layout, askingOwnHost: route.output == SiteFiles.notFoundPage) : nil,
            nav: index.nav.map {
                PageContext.NavItem(
                    title: $0.title, href: RelativePath.href(from: route.output, to: $0.route.output),
                    isCurrent: $0.route == route)
            },
            features: features
        )
        var html: [UInt8] = []
        do throws(SitegenError) {
            html = try theme.render(
                page.meta.layout, context: context,
                requestedBy: SourceLocation(file: page.displayPath))
        } catch {
            problems += error.diagnostics
        }
        guard problems.isEmpty else { throw SitegenError(problems) }
        return RenderedPage(
            folder: page.folder, route: page.route, html: html, anchors: HeadingIDs(document.headings.map(\.id)),
            pendingLinks: zip(document.links, targets).compactMap { link, target in
                PendingLink.needsCheck(target) ? PendingLink(link: link, target: target) : nil
            })
    }
}

extension PageRenderer {
    /// The inlined style and script of a standalone page, with the policy that allows exactly them. The layout's
    /// scripts are `inline/LAYOUT.*.js` (in name order: pure modules a test runner can load alone) and then
    /// `inline/LAYOUT.js`. `askingOwnHost` lets its scripts ask the page's own host, as the not-found page's do.
    func standalone(layout: String, askingOwnHost: Bool = false) -> PageContext.Standalone {
        let style = [theme.stylesheet, theme.inlineFiles["\(layout).css"]].compactMap { $0 }.joined(separator: "\n")
        let modules = theme.inlineFiles.keys.filter {
            $0.hasPrefix("\(layout).") && $0.hasSuffix(".js") && $0 != "\(layout).js"
        }
        let script = (modules.sorted() + ["\(layout).js"]).compactMap { theme.inlineFiles[$0] }.joined(separator: "\n")
        return PageContext.Standalone(
            style: style, script: script,
            csp: ContentSecurityPolicy.offline(
                scripts: script.isEmpty ? [] : [script], styles: [style], askingOwnHost: askingOwnHost))
    }
}

/// What embed templates see: `root` and the features' values.
struct EmbedContext {
    var root: String
    var features: [any TemplateObject]
}
