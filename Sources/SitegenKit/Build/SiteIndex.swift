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
        var template: NoteTemplate
        var sample: [String: String]
    }

    var config: SiteConfig
    var elements: [Element]
    var nav: [NavEntry]
    var notes: [NoteEntry]
    var links: LinkResolver
    /// Each field as a blank to fill in by hand: `________ (Your name)`.
    var blanks: [String: String]
    /// The note data embedded in standalone pages, encoded once.
    var noteDataJSON: String

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
                    route: page.route, template: $0, sample: page.meta.sample)
            }
        }
        links = LinkResolver(
            pages: content.pages.map(\.route), drafts: content.drafts, assets: Set(content.assets))
        blanks = Dictionary(uniqueKeysWithValues: content.fields.map { ($0.id, "________ (\($0.label))") })
        noteDataJSON = NoteData(
            elements: content.elements, fields: content.fields,
            notes: notes.map { (route: $0.route, title: $0.title, template: $0.template, sample: $0.sample) }
        ).json()
    }
}
