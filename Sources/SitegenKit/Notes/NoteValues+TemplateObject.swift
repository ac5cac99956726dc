// Templates look values up by name; these switches answer each name directly, without reflection.
// `ContextLookupTests` checks that each one answers every stored property, so they cannot drift apart.

extension NoteValues: TemplateObject {
    func value(named name: String) -> TemplateValue {
        switch name {
        case "elements": .list(elements)
        case "notes": .list(notes)
        case "note": .init(note)
        case "noteData": .init(noteData)
        case "blankNotes": .list(blankNotes)
        default: .missing
        }
    }
}

extension Element: TemplateObject {
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

extension BlankNote: TemplateObject {
    func value(named name: String) -> TemplateValue {
        switch name {
        case "id": .text(id)
        case "title": .text(title)
        case "note": .object(note)
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
        case "situation": .list(situation)
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
        case "lead": .text(lead)
        case "lastWord": .text(lastWord)
        case "element": .init(element)
        case "isAlternate": .flag(isAlternate)
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

extension NoteView.Situation: TemplateObject {
    func value(named name: String) -> TemplateValue {
        switch name {
        case "question": .text(question)
        case "answer": .text(answer)
        case "others": .text(others)
        case "elements": .text(elements)
        default: .missing
        }
    }
}
