/// A content file cut into its YAML front matter and its Markdown body.
public struct FrontMatter: Sendable {
    /// The YAML between the `---` fences (empty when the file has none).
    public var yaml: String
    /// Line of the file on which the YAML starts, so YAML positions map back to the file.
    public var yamlFirstLine: Int
    /// The Markdown after the closing fence.
    public var body: String
    /// Line of the file on which the body starts, so Markdown positions map back to the file.
    public var bodyFirstLine: Int

    /// Splits `file`: front matter opens with `---` on the first line and closes with `---` (or `...`) on a line of its own.
    public static func split(_ file: SourceFile) throws(Diagnostic) -> FrontMatter {
        let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingCharacters(in: " \t\r") == "---" else {
            return FrontMatter(yaml: "", yamlFirstLine: 1, body: file.text, bodyFirstLine: 1)
        }
        for index in 1..<lines.count {
            let fence = lines[index].trimmingCharacters(in: " \t\r")
            if fence == "---" || fence == "..." {
                return FrontMatter(
                    yaml: lines[1..<index].joined(separator: "\n"),
                    yamlFirstLine: 2,
                    body: lines[(index + 1)...].joined(separator: "\n"),
                    bodyFirstLine: index + 2
                )
            }
        }
        throw file.diagnostic(
            line: 1, column: 1, "front matter opened with `---` is never closed",
            hint: "end the front matter with a line holding only `---`")
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> Substring {
        var result = self
        while let first = result.first, set.contains(first) { result = result.dropFirst() }
        while let last = result.last, set.contains(last) { result = result.dropLast() }
        return result
    }
}
