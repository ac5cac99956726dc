/// The site-wide facts every page's render needs, worked out once before any page is rendered.
struct SiteIndex: Sendable {
    /// An entry of the site navigation.
    struct NavEntry: Sendable {
        var title: String
        var route: Route
    }

    /// The pages before and after a page in its folder, for the pages that have a place in one.
    struct Neighbours: Sendable {
        var previous: NavEntry?
        var next: NavEntry?
    }

    /// The pages that have a place in a folder, folder after folder, each folder's in reading order (by `nav`,
    /// then path; the folder's index page is not among them), with the folder each is in (its number) and
    /// where each page is: a page's neighbours are the entries beside it in the same folder. Positions rather
    /// than a `Neighbours` per page, which at 100,000 pages took 30 MB.
    private var ordered: [NavEntry]
    private var folderNumbers: [Int]
    private var positions: [Route: Int]

    var config: SiteConfig
    /// The public address with one trailing slash, if the site has one.
    var baseURL: String? { config.url.map { $0.hasSuffix("/") ? $0 : $0 + "/" } }
    var nav: [NavEntry]
    var links: LinkResolver
    /// Each feature's site-wide answers, in `FeatureSet` order.
    var features: [any FeatureIndex]

    /// The pages before and after `route` in its folder.
    func neighbours(of route: Route) -> Neighbours {
        guard let position = positions[route] else { return Neighbours() }
        func entry(_ other: Int) -> NavEntry? {
            ordered.indices.contains(other) && folderNumbers[other] == folderNumbers[position] ? ordered[other] : nil
        }
        return Neighbours(previous: entry(position - 1), next: entry(position + 1))
    }

    /// The folder part of a source path as the folder listing gives it (`a/b/c.md` → `a/b`, `c.md` → ``): cut at its
    /// last `/` byte, since such paths have no empty parts and `/` is ASCII.
    static func folder(of source: String) -> String {
        guard let slash = source.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(source[..<slash])
    }

    init(_ content: SiteContent) throws(SitegenError) {
        config = content.config
        nav = content.pages
            .compactMap { page in page.meta.nav.map { (order: $0, page: page) } }
            .sorted { ($0.order, $0.page.route) < ($1.order, $1.page.route) }
            .map { NavEntry(title: $0.page.meta.navTitle ?? $0.page.meta.title, route: $0.page.route) }
        // Folder index pages introduce their folder and the 404 page stands apart: neither is a neighbour. Only
        // what ordering needs is grouped, not whole page records (this runs on one thread before any render).
        // By index: iterating the pages would copy each whole record.
        var folders: [String: [(order: Int, entry: NavEntry)]] = [:]
        for index in content.pages.indices {
            let route = content.pages[index].route
            guard !route.source.hasSuffix("index.md"), route.output != SiteFiles.notFoundPage else { continue }
            folders[Self.folder(of: route.source), default: []].append(
                (content.pages[index].meta.nav ?? .max, NavEntry(title: content.pages[index].meta.title, route: route)))
        }
        var ordered: [NavEntry] = []
        var folderNumbers: [Int] = []
        var positions: [Route: Int] = [:]
        positions.reserveCapacity(content.pages.count)
        for (number, folder) in folders.values.enumerated() {
            // Routes are unique, so a page's place in its folder is its only one.
            for (_, entry) in folder.sorted(by: { ($0.order, $0.entry.route) < ($1.order, $1.entry.route) }) {
                positions[entry.route] = ordered.count
                ordered.append(entry)
                folderNumbers.append(number)
            }
        }
        (self.ordered, self.folderNumbers, self.positions) = (ordered, folderNumbers, positions)
        links = LinkResolver(
            pages: content.pages.map(\.route), drafts: content.drafts, assets: Set(content.assets))
        features = try content.features.index(content.pages)
    }
}
