import Foundation

/// A variable or section name used in a template (`{{page.title}}`, `{{#nav}}`), found so that a name no page
/// provides is an error: the Mustache library itself renders an unknown name as nothing.
struct TemplateVariable: Equatable {
    var name: String
    var line: Int
    var column: Int

    /// Every variable and section name in `text`, with transforms such as `count(x)` reduced to `x`.
    static func all(in text: String) -> [TemplateVariable] {
        var result: [TemplateVariable] = []
        var delimitersChanged = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while !delimitersChanged, let open = rest.range(of: "{{") {
                guard let close = rest[open.upperBound...].range(of: "}}") else { break }
                var tag = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                rest = rest[close.upperBound...]
                if rest.hasPrefix("}") { rest = rest.dropFirst() }
                guard let sigil = tag.first else { continue }
                if sigil == "=" {
                    // After a delimiter change the `{{` scan no longer finds the tags; stop rather than guess.
                    delimitersChanged = true
                    continue
                }
                if "!></$%".contains(sigil) { continue }
                if "#^&{".contains(sigil) { tag = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces) }
                if let open = tag.lastIndex(of: "("), let closeParen = tag.firstIndex(of: ")"), open < closeParen {
                    tag = String(tag[tag.index(after: open)..<closeParen])
                }
                guard !tag.isEmpty, tag != "." else { continue }
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                result.append(TemplateVariable(name: tag, line: index + 1, column: column))
            }
        }
        return result
    }
}
