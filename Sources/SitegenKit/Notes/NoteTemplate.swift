/// A sample note's template: ordered parts of plain text with `{{field}}` placeholders, each part optionally
/// tagged with the element it covers, worded differently by the answer to a question, and worded on its own for when
/// the part before it is left out.
///
/// The grammar is deliberately tiny (text and `{{field}}` only) and is tokenized once, here, so the note
/// builder in the browser receives the same tokens and composes them by the same rules (`NoteComposer`).
struct NoteTemplate: Sendable, Equatable {
    /// A run of literal text or a placeholder.
    enum Segment: Sendable, Equatable {
        /// Literal text, copied as it is.
        case text(String)
        /// A placeholder, replaced by the value of the field with this id.
        case field(String)
    }

    /// How a part joins the text before it.
    enum Join: String, Sendable, Equatable, CaseIterable {
        /// Continues the paragraph after a space.
        case space
        /// Starts a new line in the same paragraph.
        case line
        /// Starts a new paragraph (a blank line before it).
        case paragraph

        /// The characters placed between the previous part and this one.
        var separator: String {
            switch self {
            case .paragraph: "\n\n"
            case .line: "\n"
            case .space: " "
            }
        }

        /// The stronger of two joins: a part left out passes its join on, so a paragraph it opened still opens.
        func stronger(_ other: Join) -> Join {
            Self.allCases.firstIndex(of: self)! >= Self.allCases.firstIndex(of: other)! ? self : other
        }
    }

    /// One way of saying a part.
    struct Wording: Sendable, Equatable {
        /// Its text.
        var text: [Segment]
        /// The text used instead when the part before it is left out, for a part that leans on it ("Still, …").
        var alone: [Segment]?
        /// Whether this wording covers the part's element: a variant for a situation where the element does not
        /// apply (no one to thank for news no one gave) says so with `covers: false`.
        var covers: Bool = true
    }

    /// One piece of the note.
    struct Part: Sendable, Equatable {
        /// The id of the element this part covers, if any; such a part can be switched off.
        var element: String?
        /// How it joins the part before it.
        var join: Join
        /// Its wording, for every answer without a variant of its own.
        var wording: Wording
        /// The question whose answer chooses among `variants`.
        var question: String?
        /// Wordings by answer id.
        var variants: [String: Wording]

        /// The wording for the answers given (a question without an answer takes `defaults`).
        func wording(answers: [String: String], defaults: [String: String]) -> Wording {
            guard let question, let answer = answers[question] ?? defaults[question] else { return wording }
            return variants[answer] ?? wording
        }

        /// Every wording the part can have.
        var allWordings: [Wording] { [wording] + variants.keys.sorted().map { variants[$0]! } }
    }

    /// Who the note is for, in a few words.
    var recipient: String
    /// The email subject line; empty for a note with none, such as a card.
    var subject: [Segment]
    /// The note's parts, in order.
    var parts: [Part]

    /// The ids of every field any wording uses, in order of first use.
    var fieldIDs: [String] {
        var seen: [String] = []
        let wordings = parts.flatMap(\.allWordings)
        for segment in subject + wordings.flatMap({ $0.text + ($0.alone ?? []) }) {
            if case .field(let id) = segment, !seen.contains(id) { seen.append(id) }
        }
        return seen
    }

    /// The ids of the elements the parts cover, in order.
    var elementIDs: [String] {
        var seen: [String] = []
        for id in parts.compactMap(\.element) where !seen.contains(id) { seen.append(id) }
        return seen
    }

    /// The ids of the questions whose answers choose wording, in order.
    var questionIDs: [String] {
        var seen: [String] = []
        for id in parts.compactMap(\.question) where !seen.contains(id) { seen.append(id) }
        return seen
    }
}
