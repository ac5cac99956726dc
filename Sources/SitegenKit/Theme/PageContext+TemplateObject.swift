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
        case "elements": .list(elements)
        case "note": .init(note)
        case "notes": .list(notes)
        default: .missing
        }
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
        case "data": .text(data)
        case "csp": .text(csp)
        case "blankNotes": .list(blankNotes)
        default: .missing
        }
    }
}

extension PageContext.BlankNote: TemplateObject {
    func value(named name: String) -> TemplateValue {
        switch name {
        case "id": .text(id)
        case "title": .text(title)
        case "note": .object(note)
        default: .missing
        }
    }
}

extension ElementView: TemplateObject {
    func value(named name: String) -> TemplateValue {
        switch name {
        case "id": .text(id)
        case "number": .number(number)
        case "title": .text(title)
        case "why": .text(why)
        case "example": .text(example)
        default: .missing
        }
    }
}

extension NoteSummary: TemplateObject {
    func value(named name: String) -> TemplateValue {
        switch name {
        case "title": .text(title)
        case "description": .text(description)
        case "recipient": .text(recipient)
        case "href": .text(href)
        case "elementCount": .number(elementCount)
        default: .missing
        }
    }
}

extension NoteView: TemplateObject {
    func value(named name: String) -> TemplateValue {
        switch name {
        case "recipient": .text(recipient)
        case "subject": .text(subject)
        case "paragraphs": .list(paragraphs)
        case "text": .text(text)
        case "wordCount": .number(wordCount)
        case "coverage": .list(coverage)
        case "coveredCount": .number(coveredCount)
        default: .missing
        }
    }
}

extension NoteView.Paragraph: TemplateObject {
    func value(named name: String) -> TemplateValue {
        name == "parts" ? .list(parts) : .missing
    }
}

extension NoteView.Part: TemplateObject {
    func value(named name: String) -> TemplateValue {
        switch name {
        case "text": .text(text)
        case "element": .init(element)
        case "startsLine": .flag(startsLine)
        case "startsWithSpace": .flag(startsWithSpace)
        default: .missing
        }
    }
}

extension NoteView.Coverage: TemplateObject {
    func value(named name: String) -> TemplateValue {
        switch name {
        case "element": .object(element)
        case "isCovered": .flag(isCovered)
        default: .missing
        }
    }
}

extension EmbedContext: TemplateObject {
    func value(named name: String) -> TemplateValue {
        switch name {
        case "root": .text(root)
        case "elements": .list(elements)
        case "notes": .list(notes)
        default: .missing
        }
    }
}
