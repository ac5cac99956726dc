/// The values a theme template sees when it renders a page. Property names are the template variables
/// (for example `{{page.title}}`, `{{#nav}}...{{/nav}}`); the README's theme guide lists them.
///
/// The context, its site and its page are classes: a template looks them up dozens of times a page, and a
/// reference is passed where a struct of a dozen fields would be copied each time.
final class PageContext {
    /// The same for every page of a build, so one is shared by all of them (hence `Sendable`, all `let`).
    final class Site: Sendable {
        let title: String
        let description: String
        let author: String
        let language: String
        let generator: String
        /// The public address, when configured.
        let url: String?

        init(title: String, description: String, author: String, language: String, generator: String, url: String?) {
            self.title = title
            self.description = description
            self.author = author
            self.language = language
            self.generator = generator
            self.url = url
        }
    }

    final class Page {
        var title: String
        var description: String
        /// The rendered Markdown as UTF-8, inserted unescaped with `{{{page.body}}}`.
        var body: [UInt8]
        var layout: String
        var toc: [TocEntry]
        var hasToc: Bool
        var isHome: Bool
        /// Minutes to read the body at about 230 words a minute, at least 1.
        var readingMinutes: Int
        /// The page's absolute URL, only when the site has a public `url` (canonical and Open Graph tags).
        var canonical: String?
        /// The previous and next pages in the same folder.
        var previous: NavItem?
        var next: NavItem?
        /// Whether there is a previous or next page (stored: templates see stored properties only).
        var hasPager: Bool

        init(
            title: String, description: String, body: [UInt8], layout: String, toc: [TocEntry], hasToc: Bool,
            isHome: Bool, readingMinutes: Int, canonical: String?, previous: NavItem?, next: NavItem?, hasPager: Bool
        ) {
            self.title = title
            self.description = description
            self.body = body
            self.layout = layout
            self.toc = toc
            self.hasToc = hasToc
            self.isHome = isHome
            self.readingMinutes = readingMinutes
            self.canonical = canonical
            self.previous = previous
            self.next = next
            self.hasPager = hasPager
        }
    }

    // Items of lists are classes too: a template value holds a class inline, where a struct this size would be
    // copied into a new heap box each time a section repeats over it.
    final class TocEntry {
        let id: String
        let text: String
        let level: Int
        let isSub: Bool

        init(id: String, text: String, level: Int, isSub: Bool) {
            self.id = id
            self.text = text
            self.level = level
            self.isSub = isSub
        }
    }

    final class NavItem {
        let title: String
        let href: String
        let isCurrent: Bool

        init(title: String, href: String, isCurrent: Bool) {
            self.title = title
            self.href = href
            self.isCurrent = isCurrent
        }
    }

    struct Link {
        var href: String
    }

    /// Inlined style and script for a page that must work on its own (`standalone: true`).
    struct Standalone {
        /// Inserted unescaped inside `<style>`.
        var style: String
        /// Inserted unescaped inside `<script>`.
        var script: String
        /// The Content-Security-Policy allowing exactly the inlined style and script, and no request.
        var csp: String
    }

    var site: Site
    var page: Page
    /// Prefix leading from this page to the site root (`""` or `"../"`...), for links the theme writes itself.
    var root: String
    var home: Link
    var stylesheet: Link
    /// The theme's `inline/favicon.svg` as a `data:` URL, so the icon costs no request.
    var favicon: String?
    var standalone: Standalone?
    var nav: [NavItem]
    /// What the features give this page (`SiteFeature`), asked for names the engine does not have.
    var features: [any TemplateObject]

    init(
        site: Site, page: Page, root: String, home: Link, stylesheet: Link, favicon: String?, standalone: Standalone?,
        nav: [NavItem], features: [any TemplateObject]
    ) {
        self.site = site
        self.page = page
        self.root = root
        self.home = home
        self.stylesheet = stylesheet
        self.favicon = favicon
        self.standalone = standalone
        self.nav = nav
        self.features = features
    }
}
