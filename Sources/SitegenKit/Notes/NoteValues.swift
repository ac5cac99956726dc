/// What templates see of the note feature: `elements` and `notes` everywhere, `note` on a sample-note page, and on
/// standalone pages `noteData` (the builder's JSON) and `blankNotes` (every template with blanks, for readers
/// without JavaScript and for printing).
struct NoteValues {
    var elements: [Element]
    var notes: [NoteSummary]
    var note: NoteView?
    /// JSON, inserted unescaped inside `<script type="application/json">`.
    var noteData: String?
    var blankNotes: [BlankNote]

    /// One of everything, each value different, for tests that hold the lists of template values to the types.
    static var example: NoteValues {
        let element = Element(id: "element.id", number: 4, title: "element.title", why: "why", example: "example")
        let note = NoteView(
            recipient: "recipient", subject: "subject",
            paragraphs: [
                .init(parts: [
                    .init(
                        text: "part text", lead: "part ", lastWord: "text", element: element, isAlternate: true,
                        startsLine: false, startsWithSpace: true)
                ])
            ],
            text: "note text", wordCount: 9, coverage: [.init(element: element, isCovered: true)], coveredCount: 3,
            situation: [.init(question: "question", answer: "answer", others: "others", elements: "element 4")])
        return NoteValues(
            elements: [element],
            notes: [
                .init(title: "title", description: "description", recipient: "to", href: "a.html", elementCount: 5)
            ],
            note: note, noteData: "{}", blankNotes: [.init(id: "notes/a", title: "blank", note: note)])
    }
}

/// A sample note in the list of notes.
struct NoteSummary {
    var title: String
    var description: String
    var recipient: String
    var href: String
    var elementCount: Int
}

/// A note template with blanks in place of its fields.
struct BlankNote {
    /// The note's id, as in the embedded data (`notes/recruiter`).
    var id: String
    var title: String
    var note: NoteView
}

/// A note, composed from a sample's values or with blanks, as templates see it.
struct NoteView {
    struct Paragraph {
        var parts: [Part]
    }

    struct Part {
        var text: String
        /// `text` split before its last word, so a template can keep the last word and the element's marker
        /// together on one line (`lead` keeps its trailing space).
        var lead: String
        var lastWord: String
        var element: Element?
        /// Every other part that covers an element, so neighbouring parts can be told apart.
        var isAlternate: Bool
        /// Joins the previous part on a new line of the same paragraph.
        var startsLine: Bool
        /// Joins the previous part after a space.
        var startsWithSpace: Bool
    }

    struct Coverage {
        var element: Element
        var isCovered: Bool
    }

    /// A question whose answer chose some of the wording: the answer this note assumes, and the others.
    struct Situation {
        var question: String
        /// The answer, as it reads inside a sentence ("the hiring manager").
        var answer: String
        /// The other answers that word the note differently, in a list separated by semicolons ("the recruiter; an
        /// automated email").
        var others: String
        /// The numbers of the elements whose wording the answer chose, in words ("element 1", "elements 1 and 2").
        var elements: String
    }

    var recipient: String
    var subject: String
    var paragraphs: [Paragraph]
    /// The whole note as plain text, exactly what the note builder produces for the same values.
    var text: String
    var wordCount: Int
    var coverage: [Coverage]
    var coveredCount: Int
    var situation: [Situation]
}

extension NoteView {
    /// The note `page` describes, with its sample values, or (`sample` false) with a blank for every value; either
    /// way in the situation its sample describes, the one the note is written for.
    init(_ page: NotePage, sample: Bool, feature: NoteFeature) {
        let answers = page.answers
        let note = feature.composer.compose(
            page.template, values: sample ? page.sample : [:], answers: answers,
            missing: { "________ (\($0.label))" })
        var paragraphs: [Paragraph] = []
        var covering = 0
        for part in note.parts {
            let element = part.element.flatMap { id in feature.elements.first { $0.id == id } }
            let split = part.text.lastIndex(of: " ").map(part.text.index(after:)) ?? part.text.startIndex
            let view = Part(
                text: part.text, lead: String(part.text[..<split]), lastWord: String(part.text[split...]),
                element: element, isAlternate: element != nil && covering % 2 == 1,
                startsLine: part.join == .line, startsWithSpace: part.join == .space)
            if element != nil { covering += 1 }
            if part.join == nil || part.join == .paragraph || paragraphs.isEmpty {
                paragraphs.append(Paragraph(parts: [view]))
            } else {
                paragraphs[paragraphs.count - 1].parts.append(view)
            }
        }
        let covered = Set(note.statuses.filter { $0.value == .covered || $0.value == .blank }.keys)
        let situation = page.template.questionIDs.compactMap { id -> Situation? in
            guard let question = feature.questions.first(where: { $0.id == id }) else { return nil }
            let chosen = answers[id] ?? question.defaultAnswer
            // Only the answers that change some wording: two answers may share one.
            let asking = page.template.parts.filter { $0.question == id }
            let others = question.answers.filter { answer in
                asking.contains {
                    $0.wording(answers: [id: answer.id], defaults: [:])
                        != $0.wording(answers: [id: chosen], defaults: [:])
                }
            }.map { $0.label.lowercasedFirst }
            var numbers: [Int] = []
            for part in asking {
                if let number = feature.elements.first(where: { $0.id == part.element })?.number,
                    !numbers.contains(number)
                {
                    numbers.append(number)
                }
            }
            let listed = numbers.map(String.init)
            return Situation(
                question: question.label,
                answer: question.answers.first { $0.id == chosen }!.label.lowercasedFirst,
                others: others.joined(separator: "; "),
                elements: listed.count > 1
                    ? "elements " + listed.dropLast().joined(separator: ", ") + " and " + listed.last!
                    : listed.isEmpty ? "its wording" : "element " + listed[0])
        }
        self.init(
            recipient: page.template.recipient,
            subject: note.subject,
            paragraphs: paragraphs,
            text: note.text,
            wordCount: note.text.wordCount,
            coverage: feature.elements.map { Coverage(element: $0, isCovered: covered.contains($0.id)) },
            coveredCount: covered.count,
            situation: situation)
    }
}

extension String {
    /// The text with its first letter in lower case, for a label used inside a sentence.
    var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
