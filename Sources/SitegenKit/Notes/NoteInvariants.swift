/// The rules every composed note keeps, whatever the reader typed and whatever they switched off: the build checks
/// each template's samples against them in every combination, and the property tests check generated values.
///
/// - no doubled or clashing punctuation, and no space before punctuation, except inside what the reader typed and
///   after an abbreviation of theirs ("Acme Inc., …");
/// - every sentence starts with a capital, and no sentence starts with a value (the reader's capitals are kept as
///   typed), unless the value is a whole line (a signature);
/// - no empty sentence, paragraph or line;
/// - no part leans on a part that is left out ("Still, …" after nothing).
enum NoteInvariants {
    /// Where a character of the text came from.
    private enum Origin: Equatable {
        case template
        case value(run: Int)
        case blank(run: Int)

        var isTemplate: Bool { self == .template }
    }

    private static let closing: Set<Unicode.Scalar> = [".", "!", "?", "\u{2026}"]
    private static let pausing: Set<Unicode.Scalar> = [",", ";", ":"]

    /// What is wrong with `note`, in words; empty when nothing is.
    static func problems(in note: NoteComposer.Note, leaning: [NoteChecks.Pattern]) -> [String] {
        var scalars: [Unicode.Scalar] = []
        var origins: [Origin] = []
        var run = 0
        for part in note.parts {
            for scalar in (part.join?.separator ?? "").unicodeScalars {
                scalars.append(scalar)
                origins.append(.template)
            }
            for piece in part.runs {
                run += 1
                let origin: Origin =
                    piece.field == nil ? .template : piece.isBlank ? .blank(run: run) : .value(run: run)
                for scalar in piece.text.unicodeScalars {
                    scalars.append(scalar)
                    origins.append(origin)
                }
            }
        }
        var problems: [String] = []
        func excerpt(_ at: Int) -> String {
            let start = max(0, at - 20)
            let end = min(scalars.count, at + 20)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            return "“…" + String(view).replacingOccurrences(of: "\n", with: "⏎") + "…”"
        }
        let punctuation = closing.union(pausing)
        for index in scalars.indices.dropLast() {
            let (a, b) = (scalars[index], scalars[index + 1])
            if origins[index] == origins[index + 1], !origins[index].isTemplate { continue }
            let typedAbbreviation = !origins[index].isTemplate && a != "\u{2026}" && (b == "," || b == ";")
            if (closing.contains(a) || pausing.contains(a)) && punctuation.contains(b) && !typedAbbreviation {
                problems.append("clashing punctuation \(excerpt(index))")
                // A mark that begins a word the reader typed (".NET") is not a mark out of place.
            } else if a == " " && (punctuation.contains(b) || b == " " || b == "\n")
                && !(origins[index + 1] != .template && index + 2 < scalars.count
                    && origins[index + 2] == origins[index + 1]
                    && FieldShape.isLetterOrDigit(scalars[index + 2]))
            {
                problems.append("a space out of place \(excerpt(index))")
            } else if a == "\n" && b == " " {
                problems.append("a line starting with a space \(excerpt(index))")
            }
        }
        if let first = scalars.first, FieldShape.space.contains(first) { problems.append("the note starts with space") }
        if let last = scalars.last, FieldShape.space.contains(last) { problems.append("the note ends with space") }
        if String(String.UnicodeScalarView(scalars)).contains("\n\n\n") { problems.append("an empty paragraph") }
        for line in String(String.UnicodeScalarView(scalars)).split(separator: "\n", omittingEmptySubsequences: false)
        where !line.isEmpty && !line.unicodeScalars.contains(where: FieldShape.isLetterOrDigit) {
            problems.append("a line with no words: “\(line)”")
        }
        // Sentence starts: the text's start, a paragraph's, and after the template's own sentence-ending mark.
        var starts: [Int] = scalars.isEmpty ? [] : [0]
        for index in scalars.indices.dropFirst() {
            let afterParagraph = index >= 2 && scalars[index - 1] == "\n" && scalars[index - 2] == "\n"
            let afterSentence =
                index >= 2 && scalars[index - 1] == " " && closing.contains(scalars[index - 2])
                && origins[index - 2].isTemplate
            if afterParagraph || afterSentence { starts.append(index) }
        }
        for start in starts {
            let scalar = scalars[start]
            if origins[start].isTemplate {
                if Character(scalar).isLowercase {
                    problems.append("a sentence starts with a small letter \(excerpt(start))")
                }
                continue
            }
            // A value may stand alone on its line (a signature), but may not open a sentence of prose.
            var end = start
            while end < scalars.count, scalars[end] != "\n" {
                if origins[end] != origins[start] { break }
                end += 1
            }
            if end < scalars.count, scalars[end] != "\n" {
                problems.append("a sentence starts with what the reader typed \(excerpt(start))")
            }
        }
        for part in note.parts where part.index > 0 && note.leftOut.contains(part.index - 1) {
            let opening = NoteTemplate.firstSentence(part.runs.map { $0.field == nil ? .text($0.text) : .field("") })
            if let pattern = leaning.first(where: { $0.matches(opening) }) {
                problems.append("“\(pattern.phrase)” leans on a part that is left out: “\(opening)”")
            }
        }
        return problems
    }
}
