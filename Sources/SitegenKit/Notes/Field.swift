/// A value that note templates use, described for the reader who fills it in (`content/fields.yaml`).
struct Field: Sendable, Equatable, Encodable {
    /// Whose detail the field holds.
    enum Scope: String, Sendable, CaseIterable, Encodable {
        /// The reader's own, the same in every note (their name, the job).
        case reader
        /// Asked once, and each person's note may say something else instead (what the reader looked forward to).
        case shared
        /// Different for each person the reader met (their name).
        case recipient
    }

    /// The id templates use: `{{id}}`.
    var id: String
    /// A plain label for the form.
    var label: String
    /// A short sentence helping the reader fill it in.
    var hint: String
    /// An example value.
    var example: String
    /// Whose detail it is.
    var scope: Scope
    /// Its grammatical shape, which decides how a typed value is tidied (`FieldShape`).
    var shape: FieldShape
    /// For a `clause`: the words the note puts before it ("I had been looking forward to"), so a reader who types
    /// them again does not get them twice.
    var after: String?

    /// The file name, inside `content/`, that holds the fields.
    static let fileName = "fields.yaml"

    /// Decodes the `fields:` list.
    static func decodeList(_ file: SourceFile) throws(SitegenError) -> [Field] {
        var result: [Field] = []
        let keys = ["id", "label", "hint", "example", "scope", "shape", "after"]
        for item in try YAMLValue.list(named: "fields", in: file) {
            let values = try item.mapping(allowedKeys: keys, what: "a field")
            func text(_ key: String) throws(SitegenError) -> String {
                guard let value = values[key] else { throw SitegenError(item.error("this field has no `\(key)`")) }
                return try value.nonEmptyString(what: "`\(key)`")
            }
            let id = try text("id")
            guard Self.isIdentifier(id) else {
                throw SitegenError(values["id"]!.error("field id `\(id)` may hold only letters, digits and `_`"))
            }
            if result.contains(where: { $0.id == id }) {
                throw SitegenError(values["id"]!.error("field id `\(id)` is used twice"))
            }
            let scope = try Self.choice(values["scope"], default: Scope.reader, what: "`scope`")
            let shape = try Self.choice(values["shape"], default: FieldShape.name, what: "`shape`")
            let after = try values["after"]?.nonEmptyString(what: "`after`")
            if shape == .clause, after == nil {
                throw SitegenError(
                    item.error(
                        "a `clause` field needs `after`: the words the note puts before it",
                        hint: "for example `after: I had been looking forward to`"))
            }
            if shape != .clause, let node = values["after"] {
                throw SitegenError(node.error("`after` is only used with `shape: clause`"))
            }
            result.append(
                Field(
                    id: id, label: try text("label"), hint: try text("hint"), example: try text("example"),
                    scope: scope, shape: shape, after: after))
        }
        return result
    }

    static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    /// One of an enumeration's raw values, or `default` when the key is absent.
    static func choice<Choice: RawRepresentable & CaseIterable>(
        _ node: YAMLValue?, default value: Choice, what: String
    ) throws(SitegenError) -> Choice where Choice.RawValue == String {
        guard let node else { return value }
        let text = try node.string(what: what)
        guard let choice = Choice(rawValue: text) else {
            let known = Choice.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")
            throw SitegenError(node.error("\(what) must be one of \(known)"))
        }
        return choice
    }
}
