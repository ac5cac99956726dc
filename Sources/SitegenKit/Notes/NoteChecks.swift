/// The guide's own advice on what makes a note sincere, concise and positive, as data the author can extend
/// (`content/note-checks.yaml`): phrases to flag, each with a one-line why, and the length to aim for. The note
/// builder checks every note against them as the reader types; the build checks the samples.
struct NoteChecks: Sendable, Equatable {
    /// A phrase to look for, matched without regard to ASCII case or to the kind of apostrophe, and only as whole
    /// words.
    struct Pattern: Sendable, Equatable, Encodable {
        /// The words to look for.
        var phrase: String
        /// Why it is flagged, in one line, shown beside the note.
        var why: String
        /// Whether it counts only at the start of a part (connectives such as "Still,").
        var atStart: Bool

        /// Whether `text` contains the phrase (at its start, when `atStart`).
        func matches(_ text: String) -> Bool {
            matches(folded: Self.fold(text), foldedPhrase: Self.fold(phrase))
        }

        /// `matches` for text already folded (`fold`), given this pattern's phrase folded as well: a build tries
        /// every pattern on each part of thousands of notes.
        func matches(folded haystack: [Unicode.Scalar], foldedPhrase needle: [Unicode.Scalar]) -> Bool {
            guard !needle.isEmpty, haystack.count >= needle.count else { return false }
            let last = atStart ? 0 : haystack.count - needle.count
            for start in 0...last where haystack[start..<(start + needle.count)].elementsEqual(needle) {
                let before = start == 0 || !Self.isWordScalar(haystack[start - 1]) || !Self.isWordScalar(needle[0])
                let end = start + needle.count
                let after =
                    end == haystack.count || !Self.isWordScalar(haystack[end]) || !Self.isWordScalar(needle.last!)
                if before && after { return true }
            }
            return false
        }

        /// ASCII letters lowered and curly apostrophes straightened.
        static func fold(_ text: String) -> [Unicode.Scalar] {
            text.unicodeScalars.map { scalar in
                if ("A"..."Z").contains(scalar) { return Unicode.Scalar(scalar.value + 32)! }
                return scalar == "\u{2019}" || scalar == "\u{2018}" ? "'" : scalar
            }
        }

        static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar.value > 0x7F
        }
    }

    /// How long a note should be.
    struct Length: Sendable, Equatable {
        /// The most words a note should have.
        var aim: Int
        /// Beyond this, a note is too long.
        var most: Int
        /// Why, in one line.
        var why: String
    }

    /// Length guidance.
    var length: Length
    /// Stock phrases that make a note sound like a form letter.
    var stock: [Pattern]
    /// Phrases that complain, ask why, second-guess the decision or press for reconsideration.
    var negative: [Pattern]
    /// Connectives that lean on the part before them ("Still,", "also"), so a part starting with one needs a
    /// wording of its own for when that part is switched off.
    var leaning: [Pattern]

    /// The file name, inside `content/`.
    static let fileName = "note-checks.yaml"

    /// Used when a site has no checks file: no phrases, and the guide's length.
    static let none = NoteChecks(
        length: Length(aim: 150, most: 200, why: "A short note is one they read to the end."), stock: [], negative: [],
        leaning: [])

    static func decode(_ file: SourceFile) throws(SitegenError) -> NoteChecks {
        let root = try YAMLValue.parse(file.text, in: file, firstLine: 1)
        let keys = try root.mapping(allowedKeys: ["length", "stock", "negative", "leaning"], what: "the note checks")
        var checks = NoteChecks.none
        if let node = keys["length"] {
            let length = try node.mapping(allowedKeys: ["aim", "most", "why"], what: "`length`")
            guard let aim = length["aim"], let most = length["most"], let why = length["why"] else {
                throw SitegenError(node.error("`length` needs `aim`, `most` and `why`"))
            }
            checks.length = Length(
                aim: try aim.int(what: "`aim`"), most: try most.int(what: "`most`"),
                why: try why.nonEmptyString(what: "`why`"))
            guard checks.length.aim > 0, checks.length.most >= checks.length.aim else {
                throw SitegenError(node.error("`aim` must be a positive number of words and `most` at least `aim`"))
            }
        }
        func patterns(_ key: String) throws(SitegenError) -> [Pattern] {
            guard let node = keys[key] else { return [] }
            var result: [Pattern] = []
            for item in try node.sequence(what: "`\(key)`") {
                let entry = try item.mapping(allowedKeys: ["phrase", "why", "at"], what: "a phrase")
                guard let phrase = entry["phrase"], let why = entry["why"] else {
                    throw SitegenError(item.error("each phrase needs `phrase` and `why`"))
                }
                let at = try entry["at"]?.string(what: "`at`") ?? "anywhere"
                guard at == "start" || at == "anywhere" else {
                    throw SitegenError(entry["at"]!.error("`at` must be `start` or `anywhere`"))
                }
                result.append(
                    Pattern(
                        phrase: try phrase.nonEmptyString(what: "`phrase`"), why: try why.nonEmptyString(what: "`why`"),
                        atStart: at == "start"))
            }
            return result
        }
        checks.stock = try patterns("stock")
        checks.negative = try patterns("negative")
        checks.leaning = try patterns("leaning")
        return checks
    }
}
