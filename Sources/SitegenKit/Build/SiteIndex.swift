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
    /// By source path: a route's source names it.
    private var positions: [String: Int]

    var config: SiteConfig
    /// The public address with one trailing slash, if the site has one.
    var baseURL: String? { config.url.map { $0.hasSuffix("/") ? $0 : $0 + "/" } }
    var nav: [NavEntry]
    var links: LinkResolver
    /// Each feature's site-wide answers, in `FeatureSet` order.
    var features: [any FeatureIndex]

    /// The pages before and after `route` in its folder.
    func neighbours(of route: Route) -> Neighbours {
        guard let position = positions[route.source] else { return Neighbours() }
        func entry(_ other: Int) -> NavEntry? {
            ordered.indices.contains(other) && folderNumbers[other] == folderNumbers[position] ? ordered[other] : nil
        }
        return Neighbours(previous: entry(position - 1), next: entry(position + 1))
    }

    /// The folder part of a source path as the folder listing gives it (`a/b/c.md` → `a/b`, `c.md` → ``): cut at its
    /// last `/` byte, since such paths have no empty parts and `/` is ASCII.
    static func folder(of source: String) -> String { String(folderPart(of: source)) }

    private static func folderPart(of source: String) -> Substring {
        guard let slash = source.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return source[..<slash]
    }

    /// What the index needs of one page.
    struct Entry: Sendable {
        var route: Route
        var title: String
        var navTitle: String?
        var nav: Int?
    }

    init(_ content: SiteContent) throws(SitegenError) {
        let features = try content.features.index(content.pages)
        // The routes links resolve against and the rest of the index need nothing from each other, so the two are
        // worked out side by side. By index: iterating the pages would copy each whole record.
        let (index, links) = inParallel {
            SiteIndex(
                config: content.config, entries: content.pages.indices.map { Entry(content.pages[$0]) },
                links: LinkResolver(pages: [], assets: []) /* replaced below */, features: features)
        } and: {
            LinkResolver(
                pages: content.pages.indices.map { content.pages[$0].route }, drafts: content.drafts,
                assets: Set(content.assets))
        }
        self = index
        self.links = links
    }

    /// An index of the pages `entries`, which link with `links`. With `folders`, the pages are only those of the
    /// folders named there (each whole) and of the navigation, and only a page in one of those folders has its
    /// neighbours: an index for rendering those pages alone.
    init(
        config: SiteConfig, entries: [Entry], folders: Set<String>? = nil, links: LinkResolver,
        features: [any FeatureIndex]
    ) {
        self.config = config
        nav =
            entries
            .compactMap { entry in entry.nav.map { (order: $0, entry: entry) } }
            .sorted { ($0.order, $0.entry.route) < ($1.order, $1.entry.route) }
            .map { NavEntry(title: $0.entry.navTitle ?? $0.entry.title, route: $0.entry.route) }
        // Folder index pages introduce their folder and the 404 page stands apart: neither is a neighbour. Only
        // what ordering needs is grouped (this runs on one thread before any render).
        // Folders in the order their first page comes. Entries come sorted, so a page is usually in the folder of
        // the one before it, which then needs no lookup.
        var groups: [[(order: Int, entry: NavEntry)]] = []
        var groupOfFolder: [String: Int] = [:]
        var last: (folder: Substring, group: Int?) = ("", nil)
        for entry in entries {
            let route = entry.route
            guard !route.source.hasSuffix("index.md"), route.output != SiteFiles.notFoundPage else { continue }
            let folder = Self.folderPart(of: route.source)
            let group: Int?
            if let known = last.group, folder.utf8.elementsEqual(last.folder.utf8) {
                group = known
            } else if folders?.contains(String(folder)) ?? true {
                group =
                    groupOfFolder[String(folder)]
                    ?? {
                        groups.append([])
                        groupOfFolder[String(folder)] = groups.count - 1
                        return groups.count - 1
                    }()
            } else {
                group = nil
            }
            last = (folder, group)
            guard let group else { continue }
            groups[group].append((entry.nav ?? .max, NavEntry(title: entry.title, route: route)))
        }
        var ordered: [NavEntry] = []
        var folderNumbers: [Int] = []
        var positions: [String: Int] = [:]
        positions.reserveCapacity(entries.count)
        func inOrder(_ a: (order: Int, entry: NavEntry), _ b: (order: Int, entry: NavEntry)) -> Bool {
            (a.order, a.entry.route) < (b.order, b.entry.route)
        }
        for (number, var folder) in groups.enumerated() {
            // Usually in order already (by path, with no `nav`): checking is cheaper than sorting.
            if !folder.indices.dropFirst().allSatisfy({ inOrder(folder[$0 - 1], folder[$0]) }) {
                folder.sort(by: inOrder)
            }
            // Routes are unique, so a page's place in its folder is its only one.
            for (_, entry) in folder {
                positions[entry.route.source] = ordered.count
                ordered.append(entry)
                folderNumbers.append(number)
            }
        }
        (self.ordered, self.folderNumbers, self.positions) = (ordered, folderNumbers, positions)
        self.links = links
        self.features = features
    }
}

extension SiteIndex.Entry {
    /// What the index needs of `page`.
    init(_ page: PageSource) {
        self.init(route: page.route, title: page.meta.title, navTitle: page.meta.navTitle, nav: page.meta.nav)
    }
}
