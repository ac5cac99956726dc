/// A sample note's template: ordered parts of plain text with `{{field}}` placeholders, each part optionally
/// tagged with the element it covers.
///
/// The grammar is deliberately tiny (text and `{{field}}` only) and is tokenized once, here, so the note
/// builder in the browser receives the same tokens and can only ever produce the same text.
public struct NoteTemplate: Sendable, Equatable {
    /// A run of literal text or a placeholder.
    public enum Segment: Sendable, Equatable {
        /// Literal text, copied as it is.
        case text(String)
        /// A placeholder, replaced by the value of the field with this id.
        case field(String)
    }

    /// How a part joins the text before it.
    public enum Join: String, Sendable, Equatable, CaseIterable {
        /// Starts a new paragraph (a blank line before it).
        case paragraph
        /// Starts a new line in the same paragraph.
        case line
        /// Continues the paragraph after a space.
        case space

        /// The characters placed between the previous part and this one.
        public var separator: String {
            switch self {
            case .paragraph: "\n\n"
            case .line: "\n"
            case .space: " "
            }
        }
    }

    /// One piece of the note.
    public struct Part: Sendable, Equatable {
        /// The id of the element this part covers, if any.
        public var element: String?
        /// How it joins the part before it.
        public var join: Join
        /// Its text.
        public var segments: [Segment]
    }

    /// Who the note is for, in a few words.
    public var recipient: String
    /// The e-mail subject line.
    public var subject: [Segment]
    /// The note's parts, in order.
    public var parts: [Part]

    /// The ids of every field the subject and parts use, in order of first use.
    public var fieldIDs: [String] {
        var seen: [String] = []
        for segment in subject + parts.flatMap(\.segments) {
            if case .field(let id) = segment, !seen.contains(id) { seen.append(id) }
        }
        return seen
    }

    /// The ids of the elements the parts cover, in order.
    public var elementIDs: [String] {
        var seen: [String] = []
        for id in parts.compactMap(\.element) where !seen.contains(id) { seen.append(id) }
        return seen
    }
}
