// Templates look values up by name; these switches answer each name directly, without reflection.
// `ContextLookupTests` checks that each one answers every stored property, so they cannot drift apart.

extension PageContext: TemplateObject {
    func value(named name: String) -> TemplateValue {
        switch name {
        case "site": .object(site)
        case "page": .object(page)
        case "root": .text(root)
        case "home": .object(home)
        case "stylesheet": .object(stylesheet)
        case "favicon": .init(favicon)
        case "standalone": .init(standalone)
        case "nav": .list(nav)
        default: Self.lookUp(name, in: features)
        }
    }

    /// The first answer any of `objects` has for `name`.
    static func lookUp(_ name: String, in objects: [any TemplateObject]) -> TemplateValue {
        for object in objects {
            let value = object.value(named: name)
            if case .missing = value { continue }
            return value
        }
        return .missing
    }
}

extension PageContext.Site: TemplateObject {
    func value(named name: String) -> TemplateValue {
        switch name {
        case "title": .text(title)
        case "description": .text(description)
        case "author": .text(author)
        case "language": .text(language)
        case "generator": .text(generator)
        case "url": .init(url)
        default: .missing
        }
    }
}

extension PageContext.Page: TemplateObject {
    func value(named name: String) -> TemplateValue {
        switch name {
        case "title": .text(title)
        case "description": .text(description)
        case "body": .bytes(body)
        case "layout": .text(layout)
        case "toc": .list(toc)
        case "hasToc": .flag(hasToc)
        case "isHome": .flag(isHome)
        case "readingMinutes": .number(readingMinutes)
        case "canonical": .init(canonical)
        case "previous": .init(previous)
        case "next": .init(next)
        case "hasPager": .flag(hasPager)
        default: .missing
        }
    }
}

extension PageContext.TocEntry: TemplateObject {
    func value(named name: String) -> TemplateValue {
        switch name {
        case "id": .text(id)
        case "text": .text(text)
        case "level": .number(level)
        case "isSub": .flag(isSub)
        default: .missing
        }
    }
}

extension PageContext.NavItem: TemplateObject {
    func value(named name: String) -> TemplateValue {
        switch name {
        case "title": .text(title)
        case "href": .text(href)
        case "isCurrent": .flag(isCurrent)
        default: .missing
        }
    }
}

extension PageContext.Link: TemplateObject {
    func value(named name: String) -> TemplateValue {
        name == "href" ? .text(href) : .missing
    }
}

extension PageContext.Standalone: TemplateObject {
    func value(named name: String) -> TemplateValue {
        switch name {
        case "style": .text(style)
        case "script": .text(script)
        case "csp": .text(csp)
        default: .missing
        }
    }
}

extension EmbedContext: TemplateObject {
    func value(named name: String) -> TemplateValue {
        name == "root" ? .text(root) : PageContext.lookUp(name, in: features)
    }
}
