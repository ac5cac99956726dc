/// The grammatical shape of a field: where its value sits in a note, and so how a typed value is tidied before it
/// goes in. `builder.compose.js` implements the same steps in the same order (the property test in
/// `NotePropertyTests` holds the two to it), so a note reads the same on a sample page and in the builder.
///
/// Tidying only makes changes that cannot alter meaning. It works on Unicode scalars with ASCII-only case rules and
/// explicit character tables (white space, marks, what counts as a letter), because JavaScript and Swift agree on
/// those whatever Unicode version each ships.
enum FieldShape: String, Sendable, CaseIterable, Encodable {
    /// A name or an organization, kept as typed: "Ms. Okafor", "eBay". A salutation typed before it is dropped, and
    /// marks that cannot end a name ("Dana,", "Dana…", "Dana!!").
    case name
    /// A job title, which the note surrounds with its own words ("the … position"): a leading article and a
    /// trailing "role", "position" or "job" are dropped, and so is end punctuation.
    case title
    /// The end of a sentence the note starts (the field's `after`): the note supplies the full stop, so trailing
    /// punctuation goes; a repeated start ("looking forward to …") goes; a capital that only opened a sentence goes.
    case clause
    /// A line on its own, such as an email address.
    case line

    /// `raw` tidied for a note; empty when nothing is left, or nothing with a letter or a digit in it. `after` is a
    /// clause's lead-in.
    ///
    /// The steps: white space collapsed; for a clause or title, wrapping quotes dropped; the words the note already
    /// says dropped (a salutation, an article or job noun, a clause's lead-in), compared without their punctuation;
    /// then stray marks trimmed from both ends until none is left; last, a clause's safe capital lowered.
    func normalize(_ raw: String, after: String? = nil) -> String {
        var value = Self.unquote(Self.collapse(Array(raw.unicodeScalars)))
        var words = value.split(separator: " ", omittingEmptySubsequences: true).map(Array.init)
        switch self {
        case .name:
            // "Dear Dana" is Dana; "Dear" alone is no name at all.
            if let first = words.first, Self.salutations.contains(Self.bare(first)) { words.removeFirst() }
        case .title:
            if words.count > 1, Self.articles.contains(Self.bare(words[0])) { words.removeFirst() }
            if words.count > 1, Self.jobNouns.contains(Self.bare(words[words.count - 1])) { words.removeLast() }
        case .clause:
            let stem = Self.collapse(Array((after ?? "").unicodeScalars)).split(separator: " ").map {
                Self.asciiLower(Array($0))
            }
            for count in stride(from: stem.count, through: 1, by: -1)
            where words.count >= count && words.prefix(count).map(Self.bare) == Array(stem.suffix(count)) {
                words.removeFirst(count)
                break
            }
        case .line:
            break
        }
        value = Self.tidyEnds(Self.join(words), trailing: trailing, oneEndMark: self == .name)
        // A name keeps a full stop only after an abbreviation or an initial ("Acme Inc.", "Jordan J."): "Dana." is
        // a full stop typed out of habit, which would stand before the note's comma.
        if self == .name, value.last == ".", !Self.endsWithAbbreviation(value.dropLast()) {
            value = Self.tidyEnds(Array(value.dropLast()), trailing: trailing, oneEndMark: true)
        }
        guard value.contains(where: Self.isLetterOrDigit) else { return "" }
        if self == .clause {
            words = value.split(separator: " ").map(Array.init)
            if let first = words.first, Self.isSafeToLower(first) {
                words[0][0] = Unicode.Scalar(first[0].value + 32)!
            }
            value = Self.join(words)
        }
        return String(String.UnicodeScalarView(value))
    }

    private static func join(_ words: [[Unicode.Scalar]]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        for (index, word) in words.enumerated() {
            if index > 0 { result.append(" ") }
            result += word
        }
        return result
    }

    /// A word as the note's own words are compared with it: ASCII lowered, trailing marks dropped ("Dear," is "dear").
    private static func bare(_ word: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var end = word.count
        while end > 0, closingMarks.contains(word[end - 1]) || pausingMarks.contains(word[end - 1]) { end -= 1 }
        return asciiLower(Array(word[..<end]))
    }

    /// Whether the last word of `value` is an abbreviation that takes a full stop: a single letter, a word with a
    /// dot already in it ("U.S"), or one of `abbreviations`.
    private static func endsWithAbbreviation(_ value: ArraySlice<Unicode.Scalar>) -> Bool {
        let word = Array(value.split(separator: " ", omittingEmptySubsequences: false).last ?? [])
        return word.count == 1 || word.contains(".") || abbreviations.contains(asciiLower(word))
    }

    static let abbreviations: Set<[Unicode.Scalar]> = words(
        "inc ltd co corp jr sr bros llc plc gmbh ag sa st dr mr mrs ms mx prof esq assn dept univ intl")

    /// Marks that end a sentence.
    static let closingMarks: Set<Unicode.Scalar> = [".", "!", "?", "\u{2026}"]
    /// Marks that pause one.
    static let pausingMarks: Set<Unicode.Scalar> = [",", ";", ":"]

    /// The characters dropped from the end of a value: a clause's or title's sentence ends with the note's own text.
    var trailing: Set<Unicode.Scalar> {
        switch self {
        case .name: Self.pausingMarks.union(["?", "\u{2026}"])
        case .line: Self.pausingMarks.union(["."])
        case .title, .clause: Self.pausingMarks.union(Self.closingMarks)
        }
    }

    static let salutations: Set<[Unicode.Scalar]> = words("dear hi hello")
    static let articles: Set<[Unicode.Scalar]> = words("the a an")
    static let jobNouns: Set<[Unicode.Scalar]> = words("role position job")
    /// Words that start a clause only because the reader wrote it as a sentence: lowering their capital is safe,
    /// where a name's ("Python", "Berlin") is not.
    static let lowerable: Set<[Unicode.Scalar]> = words(
        """
        a an the about all any at being both each every for from how in its many more much my new on our some that \
        their these this those to what when where which who why with your
        """)

    /// The white space a typed value may hold, all of it in the Basic Multilingual Plane.
    static let space: Set<Unicode.Scalar> = Set(
        [
            " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2028}", "\u{2029}",
            "\u{202F}", "\u{205F}", "\u{3000}", "\u{FEFF}",
        ]
            + (0x2000...0x200A).map { Unicode.Scalar($0)! })

    private static let quotes: [(Unicode.Scalar, Unicode.Scalar)] = [
        ("\"", "\""), ("'", "'"), ("\u{201C}", "\u{201D}"), ("\u{2018}", "\u{2019}"), ("\u{AB}", "\u{BB}"),
    ]

    private static func words(_ text: String) -> Set<[Unicode.Scalar]> {
        Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { Array($0.unicodeScalars) })
    }

    /// Every run of white space as one space, none at either end.
    static func collapse(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        var pendingSpace = false
        for scalar in scalars {
            if space.contains(scalar) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return result
    }

    private static func unquote(_ value: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard value.count > 2 else { return value }
        for (open, close) in quotes where value[0] == open && value[value.count - 1] == close {
            return collapse(Array(value[1..<(value.count - 1)]))
        }
        return value
    }

    /// Stray marks trimmed from both ends, again and again until none is left: ", Acme" and ". , Tom" lose their
    /// leading marks (a `.` starting a word stays: ".NET"); the end loses `trailing`; a name keeps one `.` or `!`
    /// ("Acme Inc.", "Yahoo!") but never two ("Dana!!").
    static func tidyEnds(_ value: [Unicode.Scalar], trailing: Set<Unicode.Scalar>, oneEndMark: Bool) -> [Unicode.Scalar]
    {
        var value = value
        let marks = closingMarks.union(pausingMarks)
        while true {
            let before = value
            let run = value.prefix(while: marks.contains).count
            let keepsDot = run == 1 && value[0] == "." && value.count > 1 && isLetterOrDigit(value[1])
            if run > 0, !keepsDot {
                value.removeFirst(run)
                if value.first == " " { value.removeFirst() }
            }
            while let last = value.last, trailing.contains(last) || last == " " { value.removeLast() }
            if oneEndMark {
                let end = value.reversed().prefix(while: { $0 == "." || $0 == "!" }).count
                if end >= 2 { value.removeLast(end) }
            }
            if value == before { return value }
        }
    }

    /// Whether a scalar counts as a letter or a digit, by an explicit table rather than Unicode's categories, which
    /// change between the Unicode versions Swift and browsers ship: ASCII letters and digits, and every scalar from
    /// U+00C0 up except the blocks of punctuation, symbols, emoji and invisible marks (and × and ÷).
    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        if value < 0xC0 || value == 0xD7 || value == 0xF7 { return false }
        return !notLetters.contains { $0.contains(value) }
    }

    /// The blocks `isLetterOrDigit` leaves out, mirrored in `builder.compose.js`.
    static let notLetters: [ClosedRange<UInt32>] = [
        0x2000...0x2BFF, 0x2E00...0x2E7F, 0x3000...0x303F, 0xFE00...0xFE6F, 0xFEFF...0xFEFF, 0xFF00...0xFF0F,
        0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65, 0x1F000...0x1FAFF, 0xE0000...0xE007F,
    ]

    static func asciiLower(_ word: [Unicode.Scalar]) -> [Unicode.Scalar] {
        word.map { ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 32)! : $0 }
    }

    /// A capitalized ASCII word ("Helping", "About", "The") that is not "I" and is a gerund or a function word.
    private static func isSafeToLower(_ word: [Unicode.Scalar]) -> Bool {
        guard word.count > 1, ("A"..."Z").contains(word[0]), word.dropFirst().allSatisfy({ ("a"..."z").contains($0) })
        else { return false }
        let lower = asciiLower(word)
        return lower.suffix(3) == ["i", "n", "g"] || lowerable.contains(lower)
    }
}
