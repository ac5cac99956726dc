// What templates see of a page, each value named once: the lookup, the theme check and the README's table of
// template values all read these lists (`TemplateFields`). `ContextLookupTests` holds each list to the stored
// properties of its type, by value.

extension PageContext: TemplateFields {
    static let templatePlace = "every page"
    static let templateFields: [TemplateField<PageContext>] = [
        .init("site", "the site settings (below)") { .object($0.site) },
        .init("page", "this page (below)") { .object($0.page) },
        .init("root", "the prefix from this page to the site root: `\"\"`, `\"../\"`, …") { .text($0.root) },
        .init("home", "`href`: the page-relative URL of the home page") { .object($0.home) },
        .init("stylesheet", "`href`: the page-relative URL of `assets/style.css`") { .object($0.stylesheet) },
        .init("favicon", "the theme's `inline/favicon.svg` as a `data:` URL (no request)") { .init($0.favicon) },
        .init("standalone", "on standalone pages: `style`, `script`, `csp` (below)") { .init($0.standalone) },
        .init("nav", "the navigation, ordered by `nav` (below)") { .list($0.nav) },
    ]

    /// The engine's values first, then the features'.
    func value(named name: TemplateName) -> TemplateValue {
        fieldValue(named: name) ?? Self.lookUp(name, in: features)
    }

    /// The first answer any of `objects` has for `name`.
    static func lookUp(_ name: TemplateName, in objects: [any TemplateObject]) -> TemplateValue {
        for object in objects {
            let value = object.value(named: name)
            if case .missing = value { continue }
            return value
        }
        return .missing
    }

    /// Every type of the engine's template values, for the theme check and the README.
    static var fieldTypes: [any TemplateFields.Type] {
        [
            PageContext.self, Site.self, Page.self, TocEntry.self, NavItem.self, Link.self, Standalone.self,
            EmbedContext.self,
        ]
    }
}

extension PageContext.Site: TemplateFields {
    static let templatePlace = "site"
    static let templateFields: [TemplateField<PageContext.Site>] = [
        .init("title", "the site's name (`site.yaml`)") { .text($0.title) },
        .init("description", "the site's one-sentence description") { .text($0.description) },
        .init("author", "the site's author") { .text($0.author) },
        .init("language", "the language, for `<html lang>`") { .text($0.language) },
        .init("generator", "`sitegen VERSION`") { .text($0.generator) },
        .init("url", "the public address, when configured") { .init($0.url) },
    ]
}

extension PageContext.Page: TemplateFields {
    static let templatePlace = "page"
    static let templateFields: [TemplateField<PageContext.Page>] = [
        .init("title", "from front matter") { .text($0.title) },
        .init("description", "from front matter, else the site's") { .text($0.description) },
        .init("body", "the rendered Markdown: use `{{{page.body}}}` (unescaped)") { .bytes($0.body) },
        .init("layout", "the layout from front matter (`page` by default)") { .text($0.layout) },
        .init("toc", "the `##` and `###` headings (below)") { .list($0.toc) },
        .init("hasToc", "whether to show the table of contents") { .flag($0.hasToc) },
        .init("isHome", "true on `index.html`") { .flag($0.isHome) },
        .init(
            "readingMinutes",
            "minutes to read the body (about 230 words a minute); the default theme shows it only in the `article` layout"
        ) { .number($0.readingMinutes) },
        .init("canonical", "the absolute URL, only when the site has a `url` (never on `404.html`)") {
            .init($0.canonical)
        },
        .init("previous", "the page before this one in its folder, by `nav` then path (`title`, `href`)") {
            .init($0.previous)
        },
        .init("next", "the page after this one in its folder (`title`, `href`)") { .init($0.next) },
        .init("hasPager", "whether there is a previous or next page") { .flag($0.hasPager) },
    ]
}

extension PageContext.TocEntry: TemplateFields {
    static let templatePlace = "each item of page.toc"
    static let templateFields: [TemplateField<PageContext.TocEntry>] = [
        .init("id", "the heading's id") { .text($0.id) },
        .init("text", "the heading's text") { .text($0.text) },
        .init("level", "2 or 3") { .number($0.level) },
        .init("isSub", "true for a `###` heading") { .flag($0.isSub) },
    ]
}

extension PageContext.NavItem: TemplateFields {
    static let templatePlace = "each item of nav, and page.previous and page.next"
    static let templateFields: [TemplateField<PageContext.NavItem>] = [
        .init("title", "the page's `nav_title`, else its title") { .text($0.title) },
        .init("href", "the page-relative URL") { .text($0.href) },
        .init("isCurrent", "true for the page being rendered") { .flag($0.isCurrent) },
    ]
}

extension PageContext.Link: TemplateFields {
    static let templatePlace = "home and stylesheet"
    static let templateFields: [TemplateField<PageContext.Link>] = [
        .init("href", "the page-relative URL") { .text($0.href) }
    ]
}

extension PageContext.Standalone: TemplateFields {
    static let templatePlace = "standalone"
    static let templateFields: [TemplateField<PageContext.Standalone>] = [
        .init("style", "the stylesheet and `inline/LAYOUT.css`, for inside `<style>`") { .text($0.style) },
        .init("script", "`inline/LAYOUT.*.js` then `inline/LAYOUT.js`, for inside `<script>`") { .text($0.script) },
        .init("csp", "the Content-Security-Policy that allows exactly them") { .text($0.csp) },
    ]
}

extension EmbedContext: TemplateFields {
    static let templatePlace = "embed templates (`embeds/NAME`)"
    static let templateFields: [TemplateField<EmbedContext>] = [
        .init("root", "the prefix from the page to the site root") { .text($0.root) }
    ]

    /// `root`, then the features' values.
    func value(named name: TemplateName) -> TemplateValue {
        fieldValue(named: name) ?? PageContext.lookUp(name, in: features)
    }
}
