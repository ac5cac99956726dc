/// Checks, once every page is rendered, that each link leads to a page, file or heading that exists.
struct LinkChecker {
    let resolver: LinkResolver
    /// The heading ids of the pages, by source path: at least of every page the checked links lead to.
    let anchors: [String: HeadingIDs]

    /// The heading ids of each page, by source path.
    static func anchors(of pages: [RenderedPage]) -> [String: HeadingIDs] {
        Dictionary(uniqueKeysWithValues: pages.map { ($0.route.source, $0.anchors) })
    }

    /// The heading ids of just the pages that the links left to check in `pages` lead to, by source path: all that
    /// checking `pages` needs. A site with no links to headings needs none, where a dictionary of every page's
    /// took several milliseconds at 10,000 pages, on one core, after rendering.
    static func anchors(linkedFrom pages: [RenderedPage]) -> [String: HeadingIDs] {
        var wanted: Set<String> = []
        for index in pages.indices {
            for pending in pages[index].pendingLinks {
                switch pending.target {
                case .samePage: wanted.insert(pages[index].route.source)
                case .page(let route, _): wanted.insert(route.source)
                case .external, .asset, .broken: break
                }
            }
        }
        var anchors: [String: HeadingIDs] = [:]
        guard !wanted.isEmpty else { return anchors }
        for index in pages.indices where wanted.contains(pages[index].route.source) {
            anchors[pages[index].route.source] = pages[index].anchors
        }
        return anchors
    }

    /// The broken links and missing anchors of `checked` (all the site's pages, or some of them), in page order.
    func problems(in checked: [RenderedPage]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        // Most pages have no links left to check; testing that in place spares copying every page's record.
        for index in checked.indices where !checked[index].pendingLinks.isEmpty {
            let page = checked[index]
            for pending in page.pendingLinks {
                let link = pending.link
                func report(_ message: String, hint: String?) {
                    problems.append(page.folder.diagnostic(in: page.route.source, at: link, message, hint: hint))
                }
                switch pending.target {
                case .external, .asset:
                    break
                case .broken(let message, let hint):
                    report(message, hint: hint)
                case .samePage(let fragment):
                    if !fragment.isEmpty, anchors[page.route.source]?.contains(fragment) != true {
                        report(
                            "no heading with id `\(fragment)` on this page",
                            hint: Self.hint(fragment, anchors[page.route.source] ?? HeadingIDs([])))
                    }
                case .page(let route, let fragment):
                    if let fragment, !fragment.isEmpty, anchors[route.source]?.contains(fragment) != true {
                        report(
                            "`\(link.destination)`: content/\(route.source) has no heading with id `\(fragment)`",
                            hint: Self.hint(fragment, anchors[route.source] ?? HeadingIDs([])))
                    }
                }
            }
        }
        return problems
    }

    private static func hint(_ fragment: String, _ anchors: HeadingIDs) -> String {
        let ids = anchors.sorted
        if let close = Suggestion.closest(to: fragment, among: ids) { return "did you mean `#\(close)`?" }
        return ids.isEmpty
            ? "that page has no headings" : "its headings: " + ids.map { "#\($0)" }.joined(separator: ", ")
    }
}
