import Yams

/// The YAML nearly every front matter and `site.yaml` holds, one `key: value` line per key, read straight from
/// its bytes.
///
/// Composing such text with Yams over libyaml took a tenth of a clean build's CPU time, nearly all of it on two or
/// three lines per page. Yams stays the parser of record: `entries(of:)` answers only for text in a subset that
/// it reads exactly as Yams composes it (the same keys, values, styles, tags and positions), and gives nil for
/// everything else, which then goes to Yams. `FlatYAMLTests` hold the subset to that against Yams, over generated
/// YAML.
///
/// The subset, line by line:
/// - empty lines, lines of spaces, and lines starting with `#`;
/// - `key: value` at the start of a line: a key of ASCII letters, digits, `_` and `-` (not first), `:`, one or
///   more spaces, and a value that is one of
///   - `"text"` with no `"` or `\` inside, or `'text'` with no `'` inside, then only spaces or ` #` and a comment;
///   - plain text starting with none of YAML's indicators and holding no `:` before a space or the line's end;
///     a space and `#` start a comment, and trailing spaces are not part of it.
///
/// Text holding a tab, a carriage return or another control character, a byte-order mark, a Unicode line
/// separator or a non-character, or any other line, or a key twice, is left to Yams.
enum FlatYAML {
    /// One `key: value` line.
    struct Entry: Equatable {
        let key: String
        let value: String
        /// `.plain`, `.singleQuoted` or `.doubleQuoted`, as Yams gives it.
        let style: Node.Scalar.Style
        /// The line in the YAML, from 1; the key is in column 1.
        let line: Int
        /// The value's column, from 1 (everything before it is ASCII, so bytes and characters agree).
        let valueColumn: Int
    }

    /// The entries of `yaml`, in order, or nil when it is not in the subset.
    static func entries(of yaml: String) -> [Entry]? {
        var text = yaml
        return text.withUTF8 { bytes in
            guard hasOnlyPlainCharacters(bytes) else { return nil }
            var entries: [Entry] = []
            var keys = Set<String>()
            var line = 1
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != newline { end += 1 }
                switch Line(bytes, start..<end, number: line) {
                case .blank: break
                case .other: return nil
                case .entry(let entry):
                    guard keys.insert(entry.key).inserted else { return nil }
                    entries.append(entry)
                }
                line += 1
                start = end + 1
            }
            return entries
        }
    }

    /// What one line is.
    private enum Line {
        case blank
        case entry(Entry)
        case other

        init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, number: Int) {
            guard let first = range.first.map({ bytes[$0] }), first != hash,
                bytes[range].contains(where: { $0 != space })
            else {
                self = .blank
                return
            }
            // The key. libyaml refuses a key over 1,024 characters; well below that is plenty.
            var index = range.lowerBound
            guard FlatYAML.isKeyStart(first) else {
                self = .other
                return
            }
            while index < range.upperBound, FlatYAML.isKeyByte(bytes[index]) { index += 1 }
            let keyEnd = index
            guard keyEnd - range.lowerBound <= 1000, index + 1 < range.upperBound, bytes[index] == colon,
                bytes[index + 1] == space
            else {
                self = .other
                return
            }
            index += 1
            while index < range.upperBound, bytes[index] == space { index += 1 }
            guard index < range.upperBound,
                let (value, style) = FlatYAML.value(bytes, index..<range.upperBound)
            else {
                self = .other
                return
            }
            let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<keyEnd]), as: UTF8.self)
            self = .entry(
                Entry(
                    key: key, value: value, style: style, line: number,
                    valueColumn: index - range.lowerBound + 1))
        }
    }

    /// The value that fills `range` (which starts at its first byte), or nil if it is not one the subset reads.
    private static func value(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (
        String, Node.Scalar.Style
    )? {
        let first = bytes[range.lowerBound]
        if first == doubleQuote || first == singleQuote {
            let inner = range.lowerBound + 1
            guard let close = bytes[inner..<range.upperBound].firstIndex(of: first),
                first == singleQuote || !bytes[inner..<close].contains(backslash),
                isSpacesOrComment(bytes, close + 1..<range.upperBound)
            else { return nil }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[inner..<close]), as: UTF8.self)
            return (text, first == doubleQuote ? .doubleQuoted : .singleQuoted)
        }
        guard !indicators.contains(first) else { return nil }
        var end = range.upperBound
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == colon, index + 1 == range.upperBound || bytes[index + 1] == space { return nil }
            if byte == hash, bytes[index - 1] == space {
                end = index
                break
            }
            index += 1
        }
        while bytes[end - 1] == space { end -= 1 }
        return (String(decoding: UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<end]), as: UTF8.self), .plain)
    }

    /// Whether `range` is empty, spaces, or spaces and then a comment.
    private static func isSpacesOrComment(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard let nonSpace = bytes[range].firstIndex(where: { $0 != space }) else { return true }
        return nonSpace > range.lowerBound && bytes[nonSpace] == hash
    }

    /// Whether `bytes` hold only characters libyaml reads as themselves: no control character but the line feed
    /// (tabs and carriage returns have rules of their own), no C1 control, no U+2028 or U+2029 (line breaks to
    /// libyaml), no byte-order mark and no U+FFFE or U+FFFF. The text is valid UTF-8 (a Swift string), so lead
    /// bytes say which characters these are.
    private static func hasOnlyPlainCharacters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if (byte < 0x20 && byte != newline) || byte == 0x7F { return false }
            } else if byte == 0xC2 {
                if bytes[index + 1] < 0xA0 { return false }
            } else if byte == 0xE2 {
                if bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return false }
            } else if byte == 0xEF {
                let (second, third) = (bytes[index + 1], bytes[index + 2])
                if (second == 0xBB && third == 0xBF) || (second == 0xBF && third >= 0xBE) { return false }
            }
            index += 1
        }
        return true
    }

    private static func isKeyStart(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
            || byte == UInt8(ascii: "_")
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool { isKeyStart(byte) || byte == UInt8(ascii: "-") }

    /// The bytes that cannot start a plain value here: YAML's indicators, and a space.
    private static let indicators = Set("-?:,[]{}#&*!|>'\"%@` ".utf8)

    private static let newline = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")
    private static let hash = UInt8(ascii: "#")
    private static let colon = UInt8(ascii: ":")
    private static let doubleQuote = UInt8(ascii: "\"")
    private static let singleQuote = UInt8(ascii: "'")
    private static let backslash = UInt8(ascii: "\\")
}
