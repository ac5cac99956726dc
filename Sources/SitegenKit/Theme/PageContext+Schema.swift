extension PageContext {
    /// Every variable name a template can use, at any depth (`site`, `title`, `href`, ...): the engine's and the
    /// features', from their lists of template values.
    static let knownNames = Set(fieldTypes.flatMap { $0.templateNames }).union(FeatureSet.templateNames)

    /// A context with one of everything, each value different, for tests that hold the lists of template values
    /// to the types.
    static var example: PageContext {
        let previous = NavItem(title: "previous.title", href: "previous.html", isCurrent: false)
        let next = NavItem(title: "next.title", href: "next.html", isCurrent: true)
        return PageContext(
            site: .init(
                title: "site.title", description: "site.description", author: "site.author", language: "xx",
                generator: "site.generator", url: "https://example.org/"),
            page: .init(
                title: "page.title", description: "page.description", body: Array("<p>body</p>".utf8),
                layout: "page.layout", toc: [.init(id: "toc.id", text: "toc.text", level: 3, isSub: true)],
                hasToc: true, isHome: false, readingMinutes: 7, canonical: "https://example.org/page.html",
                previous: previous, next: next, hasPager: true),
            root: "../", home: .init(href: "../index.html"), stylesheet: .init(href: "../assets/style.css"),
            favicon: "data:favicon", standalone: .init(style: "style", script: "script", csp: "csp"),
            nav: [previous, next], features: [])
    }
}
