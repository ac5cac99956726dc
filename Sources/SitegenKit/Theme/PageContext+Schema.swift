extension PageContext {
    /// Every variable name a template can use, at any depth (`site`, `title`, `href`, ...): the engine's, read by
    /// reflection from a context with every optional part present so the list cannot drift from the types, and the
    /// features'.
    static let knownNames: Set<String> = {
        var names = FeatureSet.templateNames
        collectNames(of: example, into: &names)
        names.insert("root")
        return names
    }()

    /// Adds the stored property names of `value` and everything it holds, at any depth.
    static func collectNames(of value: Any, into names: inout Set<String>) {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional || mirror.displayStyle == .collection {
            mirror.children.forEach { collectNames(of: $0.value, into: &names) }
            return
        }
        guard mirror.displayStyle == .struct || mirror.displayStyle == .class else { return }
        // The features' values are a seam, not names: each feature lists its own.
        for child in mirror.children where type(of: child.value) != [any TemplateObject].self {
            guard let label = child.label else { continue }
            names.insert(label)
            collectNames(of: child.value, into: &names)
        }
    }

    /// A context with one of everything, for reflection only.
    static var example: PageContext {
        let navItem = NavItem(title: "", href: "", isCurrent: false)
        return PageContext(
            site: .init(title: "", description: "", author: "", language: "", generator: "", url: ""),
            page: .init(
                title: "", description: "", body: [], layout: "",
                toc: [.init(id: "", text: "", level: 2, isSub: false)],
                hasToc: true, isHome: true, readingMinutes: 1, canonical: "", previous: navItem, next: navItem,
                hasPager: true),
            root: "", home: .init(href: ""), stylesheet: .init(href: ""), favicon: "",
            standalone: .init(style: "", script: "", csp: ""),
            nav: [navItem], features: [])
    }
}
