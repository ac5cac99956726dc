// What templates see of the note feature, each value named once (`TemplateFields`): the lookup, the theme check
// and the README's table all read these lists. `ContextLookupTests` holds each to its type's stored properties.

extension NoteValues: TemplateFields {
    static let templatePlace = "every page, from the notes feature"
    static let templateFields: [TemplateField<NoteValues>] = [
        .init("elements", "the elements (below)") { .list($0.elements) },
        .init("notes", "the sample notes (below)") { .list($0.notes) },
        .init("note", "on note pages: the note, composed from its sample values (below)") { .init($0.note) },
        .init("noteData", "on standalone pages: the builder's JSON (fields, questions, checks, templates)") {
            .init($0.noteData)
        },
        .init("blankNotes", "on standalone pages: every template with blanks, in its sample's situation (below)") {
            .list($0.blankNotes)
        },
    ]

    /// Every type of the feature's template values.
    static var fieldTypes: [any TemplateFields.Type] {
        [
            NoteValues.self, Element.self, NoteSummary.self, BlankNote.self, NoteView.self, NoteView.Paragraph.self,
            NoteView.Part.self, NoteView.Coverage.self, NoteView.Situation.self,
        ]
    }
}

extension Element: TemplateFields {
    static let templatePlace = "each item of elements, and element in note parts and coverage"
    static let templateFields: [TemplateField<Element>] = [
        .init("id", "its id in `elements.yaml`") { .text($0.id) },
        .init("number", "its place in the list, from 1") { .number($0.number) },
        .init("title", "its title") { .text($0.title) },
        .init("why", "the one-line reason") { .text($0.why) },
        .init("example", "the example sentence") { .text($0.example) },
    ]
}

extension NoteSummary: TemplateFields {
    static let templatePlace = "each item of notes"
    static let templateFields: [TemplateField<NoteSummary>] = [
        .init("title", "the sample's title") { .text($0.title) },
        .init("description", "its description") { .text($0.description) },
        .init("recipient", "who it is for") { .text($0.recipient) },
        .init("href", "the page-relative URL of its page") { .text($0.href) },
        .init("elementCount", "how many elements it covers") { .number($0.elementCount) },
    ]
}

extension BlankNote: TemplateFields {
    static let templatePlace = "each item of blankNotes"
    static let templateFields: [TemplateField<BlankNote>] = [
        .init("id", "the note's id, as in the builder's data (`notes/recruiter`)") { .text($0.id) },
        .init("title", "the sample's title") { .text($0.title) },
        .init("note", "the template with blanks, as `note` (below)") { .object($0.note) },
    ]
}

extension NoteView: TemplateFields {
    static let templatePlace = "note (and the note of each blank note)"
    static let templateFields: [TemplateField<NoteView>] = [
        .init("recipient", "who the note is for") { .text($0.recipient) },
        .init("subject", "the subject line; empty for a note with none, such as a card") { .text($0.subject) },
        .init("paragraphs", "the note in paragraphs, each with its `parts` (below)") { .list($0.paragraphs) },
        .init("text", "the whole note as plain text, as the builder writes it") { .text($0.text) },
        .init("wordCount", "its length in words") { .number($0.wordCount) },
        .init("coverage", "one item per element (below)") { .list($0.coverage) },
        .init("coveredCount", "how many elements it covers") { .number($0.coveredCount) },
        .init("situation", "the questions whose answers chose its wording (below)") { .list($0.situation) },
    ]
}

extension NoteView.Paragraph: TemplateFields {
    static let templatePlace = "each item of note.paragraphs"
    static let templateFields: [TemplateField<NoteView.Paragraph>] = [
        .init("parts", "the parts of the paragraph (below)") { .list($0.parts) }
    ]
}

extension NoteView.Part: TemplateFields {
    static let templatePlace = "each item of a paragraph's parts"
    static let templateFields: [TemplateField<NoteView.Part>] = [
        .init("text", "the part's text") { .text($0.text) },
        .init("lead", "the text before its last word, with its trailing space") { .text($0.lead) },
        .init("lastWord", "its last word, to keep with the element's marker") { .text($0.lastWord) },
        .init("element", "the element it covers, if any") { .init($0.element) },
        .init("isAlternate", "true on every other part that covers an element") { .flag($0.isAlternate) },
        .init("startsLine", "it joins the part before on a new line") { .flag($0.startsLine) },
        .init("startsWithSpace", "it joins the part before after a space") { .flag($0.startsWithSpace) },
    ]
}

extension NoteView.Coverage: TemplateFields {
    static let templatePlace = "each item of note.coverage"
    static let templateFields: [TemplateField<NoteView.Coverage>] = [
        .init("element", "the element") { .object($0.element) },
        .init("isCovered", "whether the note covers it") { .flag($0.isCovered) },
    ]
}

extension NoteView.Situation: TemplateFields {
    static let templatePlace = "each item of note.situation"
    static let templateFields: [TemplateField<NoteView.Situation>] = [
        .init("question", "the question (“Who told you the news?”)") { .text($0.question) },
        .init("answer", "the answer this note assumes, as it reads in a sentence") { .text($0.answer) },
        .init("others", "the other answers that word it differently, separated by semicolons") { .text($0.others) },
        .init("elements", "the elements those answers word, in words (“elements 1 and 2”)") { .text($0.elements) },
    ]
}
