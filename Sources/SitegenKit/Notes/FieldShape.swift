/// The grammatical shape of a field: where its value sits in a note, and so how a typed value is tidied before it
/// goes in. `builder.compose.js` implements the same rules character for character (the property test in
/// `NotePropertyTests` holds the two to it), so a note reads the same on a sample page and in the builder.
///
/// Tidying only makes changes that cannot alter meaning. Everything is done on Unicode scalars with ASCII-only case
/// rules, because JavaScript strings and Swift strings agree on those and on nothing subtler.
public enum FieldShape: String, Sendable, CaseIterable {
    /// A name or an organization, kept as typed: "Ms. Okafor", "eBay". A salutation typed before it is dropped, and
    /// marks that cannot end a name ("Dana,", "Dana…", "Dana!!").
    case name
    /// A job title placed in "the … position": a leading article and a trailing "role" or "position" are dropped.
    case title
    /// The end of a sentence the note starts (the field's `after`): the note supplies the full stop, so trailing
    /// punctuation goes; a repeated start ("looking forward to …") goes; a capital that only opened a sentence goes.
    case clause
    /// A line on its own, such as an email address.
    case line

    /// `raw` tidied for a note; empty when nothing is left, or nothing with a letter or a digit in it. `after` is a
    /// clause's lead-in.
    public func normalize(_ raw: String, after: String? = nil) -> String {
        var value = Self.collapse(Array(raw.unicodeScalars))
        if self == .clause || self == .title { value = Self.unquote(value) }
        value = Self.stripLeading(value)
        value = Self.stripTrailing(value, trailing)
        if self == .name { value = Self.stripRepeatedMarks(value) }
        guard value.contains(where: Self.isLetterOrDigit) else { return "" }
        var words = value.split(separator: " ", omittingEmptySubsequences: true).map(Array.init)
        switch self {
        case .name:
            if words.count > 1, Self.salutations.contains(Self.asciiLower(words[0])) { words.removeFirst() }
        case .title:
            if words.count > 1, Self.articles.contains(Self.asciiLower(words[0])) { words.removeFirst() }
            if words.count > 1, Self.jobNouns.contains(Self.asciiLower(words[words.count - 1])) { words.removeLast() }
        case .clause:
            let stem = (after ?? "").split(separator: " ").map { Self.asciiLower(Array($0.unicodeScalars)) }
            for count in stride(from: stem.count, through: 1, by: -1)
            where words.count > count && words.prefix(count).map(Self.asciiLower) == Array(stem.suffix(count)) {
                words.removeFirst(count)
                break
            }
            if let first = words.first, Self.isSafeToLower(first) {
                words[0][0] = Unicode.Scalar(first[0].value + 32)!
            }
        case .line:
            break
        }
        var result = String.UnicodeScalarView()
        for (index, word) in words.enumerated() {
            if index > 0 { result.append(" ") }
            result.append(contentsOf: word)
        }
        return String(result)
    }

    /// The characters dropped from the end of a value: a clause's or title's sentence ends with the note's own text.
    var trailing: Set<Unicode.Scalar> {
        switch self {
        case .name: [",", ";", ":", "?", "\u{2026}"]
        case .line: [",", ";", ":", "."]
        case .title, .clause: [",", ";", ":", ".", "!", "?", "\u{2026}"]
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
            " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{A0}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{3000}",
            "\u{FEFF}",
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

    /// Punctuation standing alone at the start (", Acme"), where the note's own text comes before the value; a mark
    /// that is part of a word (".NET") stays.
    private static func stripLeading(_ value: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let marks: Set<Unicode.Scalar> = [",", ";", ":", ".", "!", "?"]
        let run = value.prefix(while: marks.contains).count
        guard run > 0, run == value.count || value[run] == " " else { return value }
        return Array(value.dropFirst(run == value.count ? run : run + 1))
    }

    /// A name may end in one `.` or `!` ("Acme Inc.", "Yahoo!"), never in two ("Dana..", "Dana!!").
    private static func stripRepeatedMarks(_ value: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var end = value.count
        while end > 0, value[end - 1] == "." || value[end - 1] == "!" { end -= 1 }
        return value.count - end >= 2 ? stripTrailing(Array(value[..<end]), []) : value
    }

    /// A letter or a digit of any script (Unicode categories L and N, as JavaScript's `\p{L}` and `\p{N}`).
    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
            .letterNumber, .otherNumber:
            true
        default: false
        }
    }

    private static func stripTrailing(_ value: [Unicode.Scalar], _ set: Set<Unicode.Scalar>) -> [Unicode.Scalar] {
        var end = value.count
        while end > 0, set.contains(value[end - 1]) || value[end - 1] == " " { end -= 1 }
        return Array(value[..<end])
    }

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
