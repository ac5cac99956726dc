extension PageContext {
    /// Every variable name a template can use, at any depth (`site`, `title`, `href`, ...), read by reflection
    /// from a context with every optional part present, so the list cannot drift from the types.
    static let knownNames: Set<String> = {
        var names: Set<String> = []
        collectNames(of: example, into: &names)
        collectNames(of: EmbedContext(root: "", elements: [], notes: []), into: &names)
        return names
    }()

    private static func collectNames(of value: Any, into names: inout Set<String>) {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional || mirror.displayStyle == .collection {
            mirror.children.forEach { collectNames(of: $0.value, into: &names) }
            return
        }
        guard mirror.displayStyle == .struct || mirror.displayStyle == .class else { return }
        for child in mirror.children {
            guard let label = child.label else { continue }
            names.insert(label)
            collectNames(of: child.value, into: &names)
        }
    }

    /// A context with one of everything, for reflection only.
    static var example: PageContext {
        let element = ElementView(Element(id: "", number: 1, title: "", why: "", example: ""))
        let navItem = NavItem(title: "", href: "", isCurrent: false)
        let note = NoteView(
            recipient: "", subject: "",
            paragraphs: [.init(parts: [.init(text: "", element: element, startsLine: false, startsWithSpace: false)])],
            text: "", wordCount: 0, coverage: [.init(element: element, isCovered: true)], coveredCount: 0)
        return PageContext(
            site: .init(title: "", description: "", author: "", language: "", generator: "", url: ""),
            page: .init(
                title: "", description: "", body: [], layout: "",
                toc: [.init(id: "", text: "", level: 2, isSub: false)],
                hasToc: true, isHome: true, readingMinutes: 1, canonical: "", previous: navItem, next: navItem,
                hasPager: true),
            root: "", home: .init(href: ""), stylesheet: .init(href: ""), favicon: "",
            standalone: .init(
                style: "", script: "", data: "", csp: "", blankNotes: [.init(id: "", title: "", note: note)]),
            nav: [navItem], elements: [element], note: note,
            notes: [.init(title: "", description: "", recipient: "", href: "", elementCount: 0)])
    }
}
