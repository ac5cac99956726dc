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
        // Works on UTF-8 bytes: every page goes through here, and Character-by-Character splitting of whole
        // files was a measurable share of build time.
        let text = file.text
        let bytes = text.utf8
        guard let firstEnd = lineEnd(in: bytes, from: bytes.startIndex),
            isFence(bytes[bytes.startIndex..<firstEnd], dashesOnly: true)
        else {
            return FrontMatter(yaml: "", yamlFirstLine: 1, body: text, bodyFirstLine: 1)
        }
        var line = 2
        var lineStart = bytes.index(after: firstEnd)
        while lineStart < bytes.endIndex {
            let end = lineEnd(in: bytes, from: lineStart) ?? bytes.endIndex
            if isFence(bytes[lineStart..<end], dashesOnly: false) {
                let yamlEnd = lineStart == bytes.index(after: firstEnd) ? lineStart : bytes.index(before: lineStart)
                let bodyStart = end < bytes.endIndex ? bytes.index(after: end) : end
                return FrontMatter(
                    yaml: String(text[bytes.index(after: firstEnd)..<yamlEnd]),
                    yamlFirstLine: 2,
                    body: String(text[bodyStart...]),
                    bodyFirstLine: line + 1
                )
            }
            line += 1
            guard end < bytes.endIndex else { break }
            lineStart = bytes.index(after: end)
        }
        throw file.diagnostic(
            line: 1, column: 1, "front matter opened with `---` is never closed",
            hint: "end the front matter with a line holding only `---`")
    }

    /// The index of the next `\n` at or after `start`, or nil at the end of the text.
    private static func lineEnd(in bytes: String.UTF8View, from start: String.Index) -> String.Index? {
        bytes[start...].firstIndex(of: 0x0A)
    }

    /// Whether a line is `---` (or, when closing, `...`), ignoring trailing spaces and tabs.
    private static func isFence(_ line: Substring.UTF8View, dashesOnly: Bool) -> Bool {
        var trimmed = line[...]
        while let last = trimmed.last, last == 0x20 || last == 0x09 || last == 0x0D { trimmed = trimmed.dropLast() }
        let dashes = trimmed.elementsEqual("---".utf8)
        return dashes || (!dashesOnly && trimmed.elementsEqual("...".utf8))
    }
}
