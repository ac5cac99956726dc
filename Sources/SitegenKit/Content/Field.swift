/// A value that note templates use, described for the reader who fills it in (`content/fields.yaml`).
public struct Field: Sendable, Equatable {
    /// Whose detail the field holds: the reader's own, or the person a note goes to.
    public enum Scope: String, Sendable {
        /// The same for every note the reader writes.
        case reader
        /// Different for each person the reader met.
        case recipient
    }

    /// The name templates use: `{{id}}`.
    public var id: String
    /// A plain label for the form.
    public var label: String
    /// A short sentence helping the reader fill it in.
    public var hint: String
    /// An example value.
    public var example: String
    /// Whose detail it is.
    public var scope: Scope

    /// The file name, inside `content/`, that holds the fields.
    public static let fileName = "fields.yaml"

    /// Decodes the `fields:` list.
    static func decodeList(_ file: SourceFile) throws(Diagnostic) -> [Field] {
        let root = try YAMLValue.parse(file.text, in: file, firstLine: 1)
        guard let list = try root.mapping(allowedKeys: ["fields"], what: "the fields file")["fields"] else {
            throw file.diagnostic(line: 1, column: 1, "no `fields:` list", hint: "list the fields under `fields:`")
        }
        var result: [Field] = []
        for item in try list.sequence(what: "`fields`") {
            let values = try item.mapping(allowedKeys: ["id", "label", "hint", "example", "scope"], what: "a field")
            func text(_ key: String) throws(Diagnostic) -> String {
                guard let value = values[key] else { throw item.error("this field has no `\(key)`") }
                return try value.nonEmptyString(what: "`\(key)`")
            }
            let id = try text("id")
            guard id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                throw values["id"]!.error("field id `\(id)` may hold only letters, digits and `_`")
            }
            if result.contains(where: { $0.id == id }) {
                throw values["id"]!.error("field id `\(id)` is used twice")
            }
            let scopeText = try values["scope"]?.string(what: "`scope`") ?? "reader"
            guard let scope = Scope(rawValue: scopeText) else {
                throw values["scope"]!.error("`scope` must be `reader` or `recipient`")
            }
            result.append(
                Field(
                    id: id, label: try text("label"), hint: try text("hint"), example: try text("example"), scope: scope
                ))
        }
        return result
    }
}
