import Foundation

extension NoteTemplate {
    static let keys = ["to", "subject", "parts"]
    static let partKeys = ["text", "element", "join"]

    /// Decodes the `note:` front-matter mapping, checking every element and field it names.
    static func decode(_ value: YAMLValue, elements: [Element], fields: [Field]) throws(Diagnostic) -> NoteTemplate {
        let keys = try value.mapping(allowedKeys: Self.keys, what: "`note`")
        guard let to = keys["to"] else { throw value.error("`note` has no `to` (who the note is for)") }
        guard let subject = keys["subject"] else {
            throw value.error("`note` has no `subject` (the e-mail subject line)")
        }
        guard let partsValue = keys["parts"] else { throw value.error("`note` has no `parts`") }
        var parts: [Part] = []
        for item in try partsValue.sequence(what: "`parts`") {
            let part = try item.mapping(allowedKeys: partKeys, what: "a note part")
            guard let text = part["text"] else { throw item.error("this part has no `text`") }
            var element: String?
            if let elementValue = part["element"] {
                let id = try elementValue.nonEmptyString(what: "`element`")
                guard elements.contains(where: { $0.id == id }) else {
                    throw elementValue.error(
                        "unknown element `\(id)`",
                        hint: hint(for: id, among: elements.map(\.id), file: Element.fileName))
                }
                element = id
            }
            var join = Join.paragraph
            if let joinValue = part["join"] {
                let name = try joinValue.string(what: "`join`")
                guard let parsed = Join(rawValue: name) else {
                    throw joinValue.error("`join` must be `paragraph`, `line` or `space`")
                }
                join = parsed
            }
            parts.append(Part(element: element, join: join, segments: try segments(of: text, fields: fields)))
        }
        guard !parts.isEmpty else { throw partsValue.error("`parts` is empty") }
        return NoteTemplate(
            recipient: try to.nonEmptyString(what: "`to`"),
            subject: try segments(of: subject, fields: fields),
            parts: parts)
    }

    /// Splits template text into literal runs and `{{field}}` placeholders; any other Mustache tag is an error,
    /// because the browser side renders exactly this grammar and nothing more.
    static func segments(of value: YAMLValue, fields: [Field]) throws(Diagnostic) -> [Segment] {
        let text = try value.string(what: "note text")
        var segments: [Segment] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { segments.append(.text(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw value.error("`{{` is never closed with `}}`", hint: "write a placeholder as {{field_id}}")
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                throw value.error(
                    "`{{\(rest[open.upperBound..<close.lowerBound])}}` is not a field placeholder",
                    hint: "note templates allow plain text and {{field_id}} only")
            }
            guard fields.contains(where: { $0.id == name }) else {
                throw value.error(
                    "unknown field `\(name)`", hint: hint(for: name, among: fields.map(\.id), file: Field.fileName))
            }
            segments.append(.field(name))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { segments.append(.text(String(rest))) }
        return segments
    }

    private static func hint(for name: String, among known: [String], file: String) -> String {
        if let close = Suggestion.closest(to: name, among: known) { return "did you mean `\(close)`?" }
        return "define it in content/\(file), or use one of: \(known.joined(separator: ", "))"
    }
}
