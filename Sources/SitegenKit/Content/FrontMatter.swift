import Foundation

/// A content file cut into its YAML front matter and its Markdown body.
struct FrontMatter: Sendable {
    /// The YAML between the `---` fences (empty when the file has none).
    var yaml: String
    /// Line of the file on which the YAML starts, so YAML positions map back to the file.
    var yamlFirstLine: Int
    /// The Markdown after the closing fence.
    var body: String
    /// Line of the file on which the body starts, so Markdown positions map back to the file.
    var bodyFirstLine: Int

    /// Splits `file`: front matter opens with `---` on the first line and closes with `---` (or `...`) on a line of its own.
    static func split(_ file: SourceFile) throws(SitegenError) -> FrontMatter {
        // Works on UTF-8 bytes with integer offsets: every page goes through here twice (when it loads and
        // when it renders), and both Character-by-Character splitting and generic `UTF8View` index arithmetic were
        // measurable shares of build time. Every cut is at a line start or a `\n`, so the pieces are the same text
        // that String slicing gives.
        var text = file.text
        let cuts = text.withUTF8 { bytes -> Cuts in
            guard let firstEnd = lineEnd(in: bytes, from: 0), isFence(bytes, 0..<firstEnd, dashesOnly: true) else {
                return .noFrontMatter
            }
            var line = 2
            var lineStart = firstEnd + 1
            while lineStart < bytes.count {
                let end = lineEnd(in: bytes, from: lineStart) ?? bytes.count
                if isFence(bytes, lineStart..<end, dashesOnly: false) {
                    let yamlEnd = lineStart == firstEnd + 1 ? lineStart : lineStart - 1
                    return .split(
                        yaml: firstEnd + 1..<yamlEnd, body: end < bytes.count ? end + 1 : end, bodyFirstLine: line + 1)
                }
                line += 1
                guard end < bytes.count else { break }
                lineStart = end + 1
            }
            return .unclosed
        }
        switch cuts {
        case .noFrontMatter:
            return FrontMatter(yaml: "", yamlFirstLine: 1, body: text, bodyFirstLine: 1)
        case .unclosed:
            throw SitegenError(
                file.diagnostic(
                    line: 1, column: 1, "front matter opened with `---` is never closed",
                    hint: "end the front matter with a line holding only `---`"))
        case .split(let yaml, let body, let bodyFirstLine):
            // Cut at line ends, the pieces are whole scalars of text already checked, so they are copied as they
            // are. Decoding their bytes checks them anew: for a 5 KB page with one letter beyond ASCII, 4-8 µs in a
            // loop, against 0.3-0.6 µs for the copy.
            let utf8 = text.utf8
            func piece(_ range: Range<Int>) -> String {
                let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
                return String(Substring(utf8[start..<utf8.index(start, offsetBy: range.count)]))
            }
            return FrontMatter(
                yaml: piece(yaml), yamlFirstLine: 2, body: piece(body..<utf8.count), bodyFirstLine: bodyFirstLine)
        }
    }

    /// Where `split` cuts a file, in UTF-8 offsets.
    private enum Cuts {
        case noFrontMatter
        case unclosed
        case split(yaml: Range<Int>, body: Int, bodyFirstLine: Int)
    }

    /// The offset of the next `\n` at or after `start`, or nil at the end of the text.
    private static func lineEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
            let found = memchr(base + start, 0x0A, bytes.count - start)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether a line is `---` (or, when closing, `...`), ignoring trailing spaces, tabs and carriage returns.
    private static func isFence(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, dashesOnly: Bool) -> Bool {
        var end = line.upperBound
        while end > line.lowerBound, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D {
            end -= 1
        }
        guard end - line.lowerBound == 3 else { return false }
        let first = bytes[line.lowerBound]
        guard first == UInt8(ascii: "-") || (!dashesOnly && first == UInt8(ascii: ".")) else { return false }
        return bytes[line.lowerBound + 1] == first && bytes[line.lowerBound + 2] == first
    }
}
