import Foundation

extension NoteTemplate {
    static let keys = ["to", "subject", "parts"]
    static let partKeys = ["text", "alone", "element", "join", "by", "variants"]

    /// What a template may name: the feature's elements, fields, questions, and the connectives that lean.
    struct Vocabulary {
        var elements: [Element]
        var fields: [Field]
        var questions: [Question]
        var leaning: [NoteChecks.Pattern]
    }

    /// Decodes the `note:` front-matter mapping, checking every element, field, question and answer it names, and
    /// that no part leans on a part the reader can switch off without a wording for when it is.
    static func decode(_ value: YAMLValue, vocabulary: Vocabulary) throws(SitegenError) -> NoteTemplate {
        let keys = try value.mapping(allowedKeys: Self.keys, what: "`note`")
        guard let to = keys["to"] else { throw SitegenError(value.error("`note` has no `to` (who the note is for)")) }
        guard let partsValue = keys["parts"] else { throw SitegenError(value.error("`note` has no `parts`")) }
        var parts: [Part] = []
        for item in try partsValue.sequence(what: "`parts`") {
            let part = try item.mapping(allowedKeys: partKeys, what: "a note part")
            guard let text = part["text"] else { throw SitegenError(item.error("this part has no `text`")) }
            var element: String?
            if let elementValue = part["element"] {
                let id = try elementValue.nonEmptyString(what: "`element`")
                guard vocabulary.elements.contains(where: { $0.id == id }) else {
                    throw SitegenError(
                        elementValue.error(
                            "unknown element `\(id)`",
                            hint: hint(for: id, among: vocabulary.elements.map(\.id), file: Element.fileName)))
                }
                element = id
            }
            var join = Join.paragraph
            if let joinValue = part["join"] {
                let name = try joinValue.string(what: "`join`")
                guard let parsed = Join(rawValue: name) else {
                    throw SitegenError(joinValue.error("`join` must be `paragraph`, `line` or `space`"))
                }
                join = parsed
            }
            let wording = Wording(
                text: try segments(of: text, fields: vocabulary.fields),
                alone: try part["alone"].map { value throws(SitegenError) in
                    try segments(of: value, fields: vocabulary.fields)
                })
            var question: String?
            var variants: [String: Wording] = [:]
            if let by = part["by"] {
                let id = try by.nonEmptyString(what: "`by`")
                guard let asked = vocabulary.questions.first(where: { $0.id == id }) else {
                    throw SitegenError(
                        by.error(
                            "unknown question `\(id)`",
                            hint: hint(for: id, among: vocabulary.questions.map(\.id), file: Question.fileName)))
                }
                guard let variantsValue = part["variants"] else {
                    throw SitegenError(
                        by.error("`by` needs `variants`: the wording for each answer that differs from `text`"))
                }
                question = id
                let answers = asked.answers.map(\.id)
                for (answer, node) in try variantsValue.mapping(allowedKeys: answers, what: "`variants` of `\(id)`") {
                    variants[answer] = try variantWording(node, fields: vocabulary.fields)
                }
            } else if let variantsValue = part["variants"] {
                throw SitegenError(
                    variantsValue.error("`variants` needs `by`: the question whose answer chooses among them"))
            }
            let parsed = Part(element: element, join: join, wording: wording, question: question, variants: variants)
            if let previous = parts.last, previous.element != nil {
                try checkLeaning(parsed, at: item, after: previous, leaning: vocabulary.leaning)
            }
            parts.append(parsed)
        }
        guard !parts.isEmpty else { throw SitegenError(partsValue.error("`parts` is empty")) }
        return NoteTemplate(
            recipient: try to.nonEmptyString(what: "`to`"),
            subject: try keys["subject"].map { (subject) throws(SitegenError) in
                try segments(of: subject, fields: vocabulary.fields)
            } ?? [],
            parts: parts)
    }

    /// A variant is its text, or a mapping with `text`, `alone` and `covers`.
    private static func variantWording(_ node: YAMLValue, fields: [Field]) throws(SitegenError) -> Wording {
        if node.node.scalar != nil { return Wording(text: try segments(of: node, fields: fields), alone: nil) }
        let keys = try node.mapping(allowedKeys: ["text", "alone", "covers"], what: "a variant")
        guard let text = keys["text"] else { throw SitegenError(node.error("this variant has no `text`")) }
        return Wording(
            text: try segments(of: text, fields: fields),
            alone: try keys["alone"].map { value throws(SitegenError) in try segments(of: value, fields: fields) },
            covers: try keys["covers"]?.bool(what: "`covers`") ?? true)
    }

    /// A part whose wording opens with a connective that leans on the part before ("Still, …", "I also …") must say
    /// how it reads when that part is switched off.
    private static func checkLeaning(
        _ part: Part, at node: YAMLValue, after previous: Part, leaning: [NoteChecks.Pattern]
    ) throws(SitegenError) {
        for wording in part.allWordings {
            let opening = firstSentence(wording.text)
            if let pattern = leaning.first(where: { $0.matches(opening) }), wording.alone == nil {
                throw SitegenError(
                    node.error(
                        "this part leans on the one before it (“\(pattern.phrase)”), which the reader can switch off",
                        hint: "add `alone:` with the wording to use when the part before it is left out"))
            }
            if let alone = wording.alone, let pattern = leaning.first(where: { $0.matches(firstSentence(alone)) }) {
                throw SitegenError(
                    node.error(
                        "this part's `alone` wording still leans on the part before it (“\(pattern.phrase)”)",
                        hint: "word `alone` so it reads well as the first thing said"))
            }
        }
    }

    /// The text of `segments` up to the end of its first sentence, with placeholders as `x`.
    static func firstSentence(_ segments: [Segment]) -> String {
        let text = segments.map { if case .text(let text) = $0 { text } else { "x" } }.joined()
        guard let end = text.firstIndex(where: { ".!?".contains($0) }) else { return text }
        return String(text[...end])
    }

    /// Splits template text into literal runs and `{{field}}` placeholders; any other Mustache tag is an error,
    /// because the browser side renders exactly this grammar and nothing more.
    static func segments(of value: YAMLValue, fields: [Field]) throws(SitegenError) -> [Segment] {
        let text = try value.string(what: "note text")
        var segments: [Segment] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex { segments.append(.text(String(rest[..<open.lowerBound]))) }
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                throw SitegenError(
                    value.error("`{{` is never closed with `}}`", hint: "write a placeholder as {{field_id}}"))
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            guard Field.isIdentifier(name) else {
                throw SitegenError(
                    value.error(
                        "`{{\(rest[open.upperBound..<close.lowerBound])}}` is not a field placeholder",
                        hint: "note templates allow plain text and {{field_id}} only"))
            }
            guard fields.contains(where: { $0.id == name }) else {
                throw SitegenError(
                    value.error(
                        "unknown field `\(name)`", hint: hint(for: name, among: fields.map(\.id), file: Field.fileName))
                )
            }
            segments.append(.field(name))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { segments.append(.text(String(rest))) }
        return segments
    }

    static func hint(for name: String, among known: [String], file: String) -> String {
        if let close = Suggestion.closest(to: name, among: known) { return "did you mean `\(close)`?" }
        if known.isEmpty { return "define it in content/\(file)" }
        return "define it in content/\(file), or use one of: \(known.joined(separator: ", "))"
    }
}
