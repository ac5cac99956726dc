/// The rules every composed note keeps, whatever the reader typed and whatever they switched off: the build checks
/// each template's samples against them in every combination, and the property tests check generated values.
///
/// - no doubled or clashing punctuation, and no space before punctuation, except inside what the reader typed and
///   after an abbreviation of theirs ("Acme Inc., …", "Yahoo!, …");
/// - every sentence and every line starts with a capital, and none starts with a value (the reader's capitals are
///   kept as typed), unless the value is a whole line (a signature);
/// - no empty sentence, paragraph or line;
/// - no part leans on a part that is left out ("Still, …" after nothing);
/// - the subject line keeps the same rules for punctuation and space.
enum NoteInvariants {
    /// Where a character of the text came from.
    private enum Origin: Equatable {
        case template
        case value(run: Int)
        case blank(run: Int)

        var isTemplate: Bool { self == .template }
    }

    /// A composed text, character by character, with where each character came from.
    private struct Text {
        var scalars: [Unicode.Scalar] = []
        var origins: [Origin] = []
        private var run = 0

        mutating func append(_ text: String, _ origin: Origin) {
            for scalar in text.unicodeScalars {
                scalars.append(scalar)
                origins.append(origin)
            }
        }

        mutating func append(_ runs: [NoteComposer.Run]) {
            for piece in runs {
                run += 1
                append(piece.text, piece.field == nil ? .template : piece.isBlank ? .blank(run: run) : .value(run: run))
            }
        }

        func excerpt(_ at: Int) -> String {
            let start = max(0, at - 20)
            let end = min(scalars.count, at + 20)
            let view = String.UnicodeScalarView(scalars[start..<end])
            return "“…" + String(view).replacingOccurrences(of: "\n", with: "⏎") + "…”"
        }
    }

    private static let closing = ScalarClass(FieldShape.closingMarks)
    private static let punctuation = ScalarClass(FieldShape.closingMarks.union(FieldShape.pausingMarks))

    /// Membership in a set of scalars, looked up without hashing for ASCII: a build checks thousands of notes a
    /// sample page, scalar by scalar.
    private struct ScalarClass {
        let set: Set<Unicode.Scalar>
        let ascii: [Bool]

        init(_ set: Set<Unicode.Scalar>) {
            self.set = set
            ascii = (0..<128).map { set.contains(Unicode.Scalar(UInt8($0))) }
        }

        func contains(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 128 ? ascii[Int(scalar.value)] : set.contains(scalar)
        }
    }

    /// What is wrong with `note`, in words; empty when nothing is.
    static func problems(in note: NoteComposer.Note, leaning: [NoteChecks.Pattern]) -> [String] {
        var text = Text()
        for part in note.parts {
            text.append(part.join?.separator ?? "", .template)
            text.append(part.runs)
        }
        var subject = Text()
        subject.append(note.subjectRuns)
        var problems = marks(in: text) + marks(in: subject).map { "in the subject: \($0)" }
        problems += emptiness(in: text) + starts(in: text)
        // Folded once a note, and only for a note with a part after one unsaid.
        lazy var phrases = leaning.map { NoteChecks.Pattern.fold($0.phrase) }
        for part in note.parts where part.index > 0 && note.unsaid.contains(part.index - 1) {
            let opening = NoteTemplate.firstSentence(part.runs.map { $0.field == nil ? .text($0.text) : .field("") })
            let folded = NoteChecks.Pattern.fold(opening)
            if let pattern = zip(leaning, phrases).first(where: { $0.matches(folded: folded, foldedPhrase: $1) })?.0 {
                problems.append("“\(pattern.phrase)” leans on a part that is left out: “\(opening)”")
            }
        }
        return problems
    }

    /// Doubled or clashing marks, and space out of place, where the template's text meets itself or a value.
    private static func marks(in text: Text) -> [String] {
        let (scalars, origins) = (text.scalars, text.origins)
        var problems: [String] = []
        for index in scalars.indices.dropLast() {
            let (a, b) = (scalars[index], scalars[index + 1])
            if origins[index] == origins[index + 1], !origins[index].isTemplate { continue }
            // The reader's own abbreviation or exclamation before the template's comma: "Acme Inc.,", "Yahoo!,".
            let typedAbbreviation = !origins[index].isTemplate && (a == "." || a == "!") && (b == "," || b == ";")
            // A dot that begins a word the reader typed (".NET") is not a mark out of place.
            let typedWord =
                b == "." && !origins[index + 1].isTemplate && index + 2 < scalars.count
                && origins[index + 2] == origins[index + 1] && FieldShape.isLetterOrDigit(scalars[index + 2])
            if punctuation.contains(a) && punctuation.contains(b) && !typedAbbreviation {
                problems.append("clashing punctuation \(text.excerpt(index))")
            } else if a == " " && (punctuation.contains(b) || b == " " || b == "\n") && !typedWord {
                problems.append("a space out of place \(text.excerpt(index))")
            } else if a == "\n" && b == " " {
                problems.append("a line starting with a space \(text.excerpt(index))")
            }
        }
        if let first = scalars.first, FieldShape.space.contains(first) { problems.append("it starts with space") }
        if let last = scalars.last, FieldShape.space.contains(last) { problems.append("it ends with space") }
        return problems
    }

    private static func emptiness(in text: Text) -> [String] {
        let scalars = text.scalars
        var problems: [String] = []
        // Two line feeds end a paragraph, so three in a row leave one empty (counted even before a combining
        // mark, which Foundation's string search, used here before, passed over).
        var breaks = 0
        for scalar in scalars {
            breaks = scalar == "\n" ? breaks + 1 : 0
            if breaks == 3 {
                problems.append("an empty paragraph")
                break
            }
        }
        // Lines as the text's Characters split them: at every line feed but one ending a CR LF pair.
        var start = 0
        func endLine(_ end: Int) {
            let line = scalars[start..<end]
            if !line.isEmpty && !line.contains(where: FieldShape.isLetterOrDigit) {
                problems.append("a line with no words: “\(String(String.UnicodeScalarView(line)))”")
            }
            start = end + 1
        }
        for index in scalars.indices where scalars[index] == "\n" && (index == 0 || scalars[index - 1] != "\r") {
            endLine(index)
        }
        endLine(scalars.count)
        return problems
    }

    /// Sentence starts: the text's start, every line's, and after the template's own sentence-ending mark.
    private static func starts(in text: Text) -> [String] {
        let (scalars, origins) = (text.scalars, text.origins)
        var starts: [Int] = scalars.isEmpty ? [] : [0]
        for index in scalars.indices.dropFirst() where scalars[index] != "\n" {
            let afterLine = scalars[index - 1] == "\n"
            let afterSentence =
                index >= 2 && scalars[index - 1] == " " && closing.contains(scalars[index - 2])
                && origins[index - 2].isTemplate
            if afterLine || afterSentence { starts.append(index) }
        }
        var problems: [String] = []
        for start in starts {
            if origins[start].isTemplate {
                if Character(scalars[start]).isLowercase {
                    problems.append("a sentence starts with a small letter \(text.excerpt(start))")
                }
                continue
            }
            // A value may stand alone on its line (a signature), but may not open a sentence of prose.
            let startsLine = start == 0 || scalars[start - 1] == "\n"
            var end = start
            while end < scalars.count, scalars[end] != "\n", origins[end] == origins[start] { end += 1 }
            let endsLine = end == scalars.count || scalars[end] == "\n"
            if !(startsLine && endsLine) {
                problems.append("a sentence starts with what the reader typed \(text.excerpt(start))")
            }
        }
        return problems
    }
}
