/// The site-wide facts every page's render needs, worked out once before any page is rendered.
struct SiteIndex: Sendable {
    /// An entry of the site navigation.
    struct NavEntry: Sendable {
        var title: String
        var route: Route
    }

    /// A sample note, for lists of notes.
    struct NoteEntry: Sendable {
        var title: String
        var description: String
        var recipient: String
        var route: Route
        var elementCount: Int
    }

    var config: SiteConfig
    var elements: [Element]
    var nav: [NavEntry]
    var notes: [NoteEntry]
    var links: LinkResolver

    init(_ content: SiteContent) {
        config = content.config
        elements = content.elements
        nav = content.pages
            .compactMap { page in page.meta.nav.map { (order: $0, page: page) } }
            .sorted { ($0.order, $0.page.route) < ($1.order, $1.page.route) }
            .map { NavEntry(title: $0.page.meta.navTitle ?? $0.page.meta.title, route: $0.page.route) }
        notes = content.pages.compactMap { page in
            page.meta.note.map {
                NoteEntry(
                    title: page.meta.title, description: page.meta.description ?? "", recipient: $0.recipient,
                    route: page.route, elementCount: $0.elementIDs.count)
            }
        }
        links = LinkResolver(
            pages: content.pages.map(\.route), drafts: content.drafts, assets: Set(content.assets))
    }
}
