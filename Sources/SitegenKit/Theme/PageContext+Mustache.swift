import Mustache

// Templates look values up by name. swift-mustache falls back to `Mirror` reflection for plain structs, which
// made template rendering the largest cost of a build; these switches answer the same names directly.
// `ContextLookupTests` checks that each one answers every stored property, so they cannot drift apart.

extension PageContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "page": page
        case "root": root
        case "home": home
        case "stylesheet": stylesheet
        case "favicon": favicon
        case "standalone": standalone
        case "nav": nav
        case "elements": elements
        case "note": note
        case "notes": notes
        default: nil
        }
    }
}

extension PageContext.Site: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "description": description
        case "author": author
        case "language": language
        case "generator": generator
        case "url": url
        default: nil
        }
    }
}

extension PageContext.Page: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "description": description
        case "body": body
        case "layout": layout
        case "toc": toc
        case "hasToc": hasToc
        case "isHome": isHome
        case "readingMinutes": readingMinutes
        case "canonical": canonical
        case "previous": previous
        case "next": next
        case "hasPager": hasPager
        default: nil
        }
    }
}

extension PageContext.TocEntry: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "text": text
        case "level": level
        case "isSub": isSub
        default: nil
        }
    }
}

extension PageContext.NavItem: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "href": href
        case "isCurrent": isCurrent
        default: nil
        }
    }
}

extension PageContext.Link: MustacheParent {
    func child(named name: String) -> Any? {
        name == "href" ? href : nil
    }
}

extension PageContext.Standalone: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "style": style
        case "script": script
        case "data": data
        case "csp": csp
        case "blankNotes": blankNotes
        default: nil
        }
    }
}

extension PageContext.BlankNote: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "title": title
        case "note": note
        default: nil
        }
    }
}

extension ElementView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "number": number
        case "title": title
        case "why": why
        case "example": example
        default: nil
        }
    }
}

extension NoteSummary: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "description": description
        case "recipient": recipient
        case "href": href
        case "elementCount": elementCount
        default: nil
        }
    }
}

extension NoteView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "recipient": recipient
        case "subject": subject
        case "paragraphs": paragraphs
        case "text": text
        case "wordCount": wordCount
        case "coverage": coverage
        case "coveredCount": coveredCount
        default: nil
        }
    }
}

extension NoteView.Paragraph: MustacheParent {
    func child(named name: String) -> Any? {
        name == "parts" ? parts : nil
    }
}

extension NoteView.Part: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "element": element
        case "startsLine": startsLine
        case "startsWithSpace": startsWithSpace
        default: nil
        }
    }
}

extension NoteView.Coverage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "element": element
        case "isCovered": isCovered
        default: nil
        }
    }
}

extension EmbedContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "root": root
        case "elements": elements
        case "notes": notes
        default: nil
        }
    }
}
