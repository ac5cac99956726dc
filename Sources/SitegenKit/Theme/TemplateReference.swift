import Foundation

/// A partial (`{{> name}}`) or parent (`{{< name}}`) named in a template, found so that a missing one is an error:
/// the Mustache library itself renders a missing partial as nothing.
struct TemplateReference: Equatable {
    var name: String
    var line: Int
    var column: Int

    /// Every reference in `text`, in order.
    static func all(in text: String) -> [TemplateReference] {
        var result: [TemplateReference] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...].drop(while: { $0 == " " })
                guard let sigil = afterOpen.first, sigil == ">" || sigil == "<",
                    let close = afterOpen.range(of: "}}")
                else {
                    rest = rest[open.upperBound...]
                    continue
                }
                let name = afterOpen.dropFirst()[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if !name.isEmpty {
                    let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                    result.append(TemplateReference(name: name, line: index + 1, column: column))
                }
                rest = afterOpen[close.upperBound...]
            }
        }
        return result
    }
}
