/// A small HTML tokenizer: start tags with their attributes, end tags, and text, each with its line and column.
///
/// It follows the HTML tokenizer where that matters for finding links: comments and `<!…>` / `<?…>` markup are
/// skipped, the contents of `<script>`, `<style>` and the other raw-text elements are text (so markup inside a
/// script string is not a tag), attribute values may be double-quoted, single-quoted or unquoted, and character
/// references in values and text are decoded. It builds no tree and does not recover from every malformed input
/// the way a browser does; it is for checking pages sitegen wrote, not arbitrary web pages.
struct HTMLScanner {
    /// One attribute of a start tag.
    struct Attribute: Hashable, Sendable {
        /// The name, lowercased (HTML attribute names are case-insensitive).
        var name: String
        /// The value with character references decoded; `""` when the attribute has no value.
        var value: String
        /// Where the value starts (where the name starts when there is no value), 1-based.
        var line: Int
        var column: Int
    }

    /// A start tag.
    struct Tag: Hashable, Sendable {
        /// The element name, lowercased.
        var name: String
        /// The attributes in source order; a repeated attribute keeps its first value, as browsers do.
        var attributes: [Attribute]
        /// Whether the tag ends with `/>` (meaningful only in SVG and MathML).
        var isSelfClosing: Bool
        /// Where the `<` is, 1-based.
        var line: Int
        var column: Int

        /// The attribute called `name` (lowercase), if the tag has it.
        func attribute(_ name: String) -> Attribute? {
            attributes.first { $0.name == name }
        }

        /// The value of the attribute called `name` (lowercase), if the tag has it.
        subscript(_ name: String) -> String? {
            attribute(name)?.value
        }
    }

    /// What the scanner finds, in document order.
    enum Token: Hashable, Sendable {
        case start(Tag)
        case end(name: String, line: Int, column: Int)
        /// A run of text. `offset` is its UTF-8 offset in the document; raw text (script, style) is exactly as
        /// written, other text has its character references decoded.
        case text(String, line: Int, column: Int, offset: Int)
    }

    /// Every token in `html`.
    static func tokens(in html: String) -> [Token] {
        var scanner = HTMLScanner(Array(html.utf8))
        scanner.scan()
        return scanner.tokens
    }

    /// Elements whose contents are text up to their end tag, without markup or character references.
    private static let rawTextElements: Set<String> = ["script", "style", "xmp", "iframe", "noembed", "noframes"]
    /// Elements whose contents are text up to their end tag, with character references.
    private static let escapableRawTextElements: Set<String> = ["title", "textarea"]

    private let bytes: [UInt8]
    private let lines: LineIndex
    private var index = 0
    private var tokens: [Token] = []
    /// How many `<svg>` or `<math>` elements are open: inside them, `<style>` and `<title>` contain markup.
    private var foreignDepth = 0

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.lines = LineIndex(bytes)
    }

    private mutating func scan() {
        var textStart = 0
        while index < bytes.count {
            guard bytes[index] == .lessThan else {
                index += 1
                continue
            }
            let markupStart = index
            let next = byte(at: index + 1)
            if next == .exclamation {
                emitText(textStart..<markupStart)
                if hasPrefix("<!--", at: index) {
                    skipComment()
                } else if foreignDepth > 0, hasPrefix("<![CDATA[", at: index) {
                    skipCDATA()
                } else {
                    skipBogusComment()
                }
            } else if next == .question {
                emitText(textStart..<markupStart)
                skipBogusComment()
            } else if next == .slash {
                let after = byte(at: index + 2)
                if let after, after.isASCIILetter {
                    emitText(textStart..<markupStart)
                    if let tag = scanTag(isEndTag: true) {
                        tokens.append(.end(name: tag.name, line: tag.line, column: tag.column))
                        if foreignDepth > 0, tag.name == "svg" || tag.name == "math" { foreignDepth -= 1 }
                    }
                } else if after == .greaterThan {
                    emitText(textStart..<markupStart)
                    index += 3  // `</>` is dropped
                } else if after == nil {
                    index += 2  // a trailing `</` is text
                    continue
                } else {
                    emitText(textStart..<markupStart)
                    skipBogusComment()
                }
            } else if let next, next.isASCIILetter {
                emitText(textStart..<markupStart)
                if let tag = scanTag(isEndTag: false) {
                    tokens.append(.start(tag))
                    startElement(tag)
                }
            } else {
                index += 1  // a `<` that starts no markup is text
                continue
            }
            textStart = index
        }
        emitText(textStart..<bytes.count)
    }

    /// Follows what a start tag switches on: foreign content, or text-only contents up to the end tag.
    private mutating func startElement(_ tag: Tag) {
        if tag.name == "svg" || tag.name == "math" {
            if !tag.isSelfClosing { foreignDepth += 1 }
            return
        }
        guard foreignDepth == 0 else { return }
        let raw = Self.rawTextElements.contains(tag.name)
        guard raw || Self.escapableRawTextElements.contains(tag.name) else { return }
        let start = index
        let end = endTagOffset(tag.name, from: start) ?? bytes.count
        if end > start {
            let slice = bytes[start..<end]
            let text = raw ? String(decoding: slice, as: UTF8.self) : Self.decode(slice, inAttribute: false)
            let position = lines.position(of: start)
            tokens.append(.text(text, line: position.line, column: position.column, offset: start))
        }
        index = end
    }

    /// Where `</name` followed by whitespace, `/` or `>` first appears at or after `offset`, ignoring case.
    private func endTagOffset(_ name: String, from offset: Int) -> Int? {
        let name = Array(name.utf8)
        var position = offset
        while let found = firstIndex(of: [.lessThan, .slash], from: position) {
            let nameEnd = found + 2 + name.count
            if nameEnd <= bytes.count,
                zip(bytes[(found + 2)..<nameEnd], name).allSatisfy({ $0.asciiLowercased == $1 }),
                let after = byte(at: nameEnd), after.isHTMLWhitespace || after == .slash || after == .greaterThan
            {
                return found
            }
            position = found + 2
        }
        return nil
    }

    // MARK: Tags

    /// Scans the tag starting at `<` (or `</`); nil when the input ends inside it, which drops it as browsers do.
    private mutating func scanTag(isEndTag: Bool) -> Tag? {
        let position = lines.position(of: index)
        index += isEndTag ? 2 : 1
        let nameStart = index
        while let byte = byte(at: index), !byte.isHTMLWhitespace, byte != .slash, byte != .greaterThan {
            index += 1
        }
        var tag = Tag(
            name: Self.lowercased(bytes[nameStart..<index]), attributes: [], isSelfClosing: false,
            line: position.line, column: position.column)
        while true {
            skipWhitespace()
            guard let byte = byte(at: index) else { return nil }
            switch byte {
            case .greaterThan:
                index += 1
                return tag
            case .slash:
                index += 1
                if self.byte(at: index) == .greaterThan {
                    tag.isSelfClosing = true
                    index += 1
                    return tag
                }
            default:
                guard let attribute = scanAttribute() else { return nil }
                if tag.attribute(attribute.name) == nil {
                    tag.attributes.append(attribute)
                }
            }
        }
    }

    /// Scans `name`, `name=value`, `name="value"` or `name='value'`; nil when the input ends inside a quoted value.
    private mutating func scanAttribute() -> Attribute? {
        let nameStart = index
        index += 1  // the first character belongs to the name even when it is `=`
        while let byte = byte(at: index), !byte.isHTMLWhitespace, byte != .slash, byte != .greaterThan,
            byte != .equals
        {
            index += 1
        }
        let name = Self.lowercased(bytes[nameStart..<index])
        let namePosition = lines.position(of: nameStart)
        skipWhitespace()
        guard byte(at: index) == .equals else {
            return Attribute(name: name, value: "", line: namePosition.line, column: namePosition.column)
        }
        index += 1
        skipWhitespace()
        let valueRange: Range<Int>
        if let quote = byte(at: index), quote == .doubleQuote || quote == .singleQuote {
            guard let close = firstIndex(of: [quote], from: index + 1) else { return nil }
            valueRange = (index + 1)..<close
            index = close + 1
        } else {
            let start = index
            while let byte = byte(at: index), !byte.isHTMLWhitespace, byte != .greaterThan {
                index += 1
            }
            valueRange = start..<index
        }
        let position = lines.position(of: valueRange.lowerBound)
        return Attribute(
            name: name, value: Self.decode(bytes[valueRange], inAttribute: true), line: position.line,
            column: position.column)
    }

    // MARK: Comments and other skipped markup

    /// Skips `<!-- … -->`; `<!-->`, `<!--->` and `--!>` end a comment too, and an unclosed one runs to the end.
    private mutating func skipComment() {
        index += 4
        if byte(at: index) == .greaterThan {
            index += 1
            return
        }
        if hasPrefix("->", at: index) {
            index += 2
            return
        }
        var position = index
        while let dashes = firstIndex(of: [.hyphen, .hyphen], from: position) {
            if byte(at: dashes + 2) == .greaterThan {
                index = dashes + 3
                return
            }
            if hasPrefix("!>", at: dashes + 2) {
                index = dashes + 4
                return
            }
            position = dashes + 1
        }
        index = bytes.count
    }

    /// Skips `<![CDATA[ … ]]>` in SVG or MathML, where it is text that may contain `>`.
    private mutating func skipCDATA() {
        let start = index + 9
        let end = firstIndex(of: Array("]]>".utf8), from: start)
        emitRawText(start..<(end ?? bytes.count))
        index = end.map { $0 + 3 } ?? bytes.count
    }

    /// Skips a doctype, `<?…>`, or other markup the tokenizer treats as a bogus comment: up to the next `>`.
    private mutating func skipBogusComment() {
        index = firstIndex(of: [.greaterThan], from: index).map { $0 + 1 } ?? bytes.count
    }

    // MARK: Text

    private mutating func emitText(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        let position = lines.position(of: range.lowerBound)
        tokens.append(
            .text(
                Self.decode(bytes[range], inAttribute: false), line: position.line, column: position.column,
                offset: range.lowerBound))
    }

    private mutating func emitRawText(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        let position = lines.position(of: range.lowerBound)
        tokens.append(
            .text(
                String(decoding: bytes[range], as: UTF8.self), line: position.line, column: position.column,
                offset: range.lowerBound))
    }

    // MARK: Byte helpers

    private func byte(at offset: Int) -> UInt8? {
        offset < bytes.count ? bytes[offset] : nil
    }

    private func hasPrefix(_ prefix: String, at offset: Int) -> Bool {
        let prefix = Array(prefix.utf8)
        return offset + prefix.count <= bytes.count
            && zip(bytes[offset..<(offset + prefix.count)], prefix).allSatisfy {
                $0.asciiLowercased == $1.asciiLowercased
            }
    }

    private func firstIndex(of needle: [UInt8], from offset: Int) -> Int? {
        guard let first = needle.first, offset < bytes.count else { return nil }
        var position = offset
        while position + needle.count <= bytes.count {
            if bytes[position] == first, bytes[position..<(position + needle.count)].elementsEqual(needle) {
                return position
            }
            position += 1
        }
        return nil
    }

    private mutating func skipWhitespace() {
        while let byte = byte(at: index), byte.isHTMLWhitespace {
            index += 1
        }
    }

    private static func lowercased(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.map(\.asciiLowercased), as: UTF8.self)
    }
}

// MARK: - Character references

extension HTMLScanner {
    /// Decodes character references as the HTML standard's tokenizer does (its "character reference state"):
    /// every name of the WHATWG list, the longest that matches, legacy names without `;`, and numeric references
    /// with the remapping of 0x80–0x9F to the characters of Windows-1252. In attribute values a reference
    /// without `;` followed by a letter, digit or `=` is left alone, so `?a=1&copy=2` stays a query string.
    static func decode(_ bytes: ArraySlice<UInt8>, inAttribute: Bool) -> String {
        guard bytes.contains(.ampersand) else { return String(decoding: bytes, as: UTF8.self) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var position = bytes.startIndex
        while position < bytes.endIndex {
            guard bytes[position] == .ampersand,
                let (replacement, length) = reference(in: bytes[(position + 1)...], inAttribute: inAttribute)
            else {
                result.append(bytes[position])
                position += 1
                continue
            }
            result += Array(replacement.utf8)
            position += 1 + length
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The reference just after an `&`: its text and how many bytes it takes, or nil when it is not one.
    private static func reference(in bytes: ArraySlice<UInt8>, inAttribute: Bool) -> (String, Int)? {
        if bytes.first == .hash { return numericReference(in: bytes) }
        // The longest name in the list that the text starts with: names are ASCII letters and digits, and
        // end with `;` unless they are legacy ones.
        var end = bytes.startIndex
        while end < bytes.endIndex, end - bytes.startIndex < HTMLEntities.longestName, bytes[end].isASCIIAlphanumeric {
            end += 1
        }
        if end < bytes.endIndex, bytes[end] == .semicolon,
            let replacement = HTMLEntities.table[String(decoding: bytes[bytes.startIndex...end], as: UTF8.self)]
        {
            return (replacement, end + 1 - bytes.startIndex)
        }
        while end > bytes.startIndex {
            if let replacement = HTMLEntities.table[String(decoding: bytes[bytes.startIndex..<end], as: UTF8.self)] {
                if inAttribute, end < bytes.endIndex, bytes[end] == .equals || bytes[end].isASCIIAlphanumeric {
                    return nil
                }
                return (replacement, end - bytes.startIndex)
            }
            end -= 1
        }
        return nil
    }

    /// `#123;` or `#x7B;` (the `;` may be missing), as the code point browsers give it.
    private static func numericReference(in bytes: ArraySlice<UInt8>) -> (String, Int)? {
        var position = bytes.startIndex + 1
        let hex = position < bytes.endIndex && bytes[position].asciiLowercased == UInt8(ascii: "x")
        if hex { position += 1 }
        let digitsStart = position
        var value: UInt32 = 0
        while position < bytes.endIndex, bytes[position].isDigit(hex: hex) {
            let digit = UInt32(String(UnicodeScalar(bytes[position])), radix: 16)!
            // Past U+10FFFF the value no longer matters: it becomes U+FFFD.
            value = min(value &* (hex ? 16 : 10) &+ digit, 0x11_0000)
            position += 1
        }
        guard position > digitsStart else { return nil }
        if position < bytes.endIndex, bytes[position] == .semicolon { position += 1 }
        let scalar: Unicode.Scalar
        if let remapped = windows1252[value] {
            scalar = remapped
        } else if value == 0 || value > 0x10_FFFF || (0xD800...0xDFFF).contains(value) {
            scalar = "\u{FFFD}"
        } else {
            scalar = Unicode.Scalar(value)!
        }
        return (String(Character(scalar)), position - bytes.startIndex)
    }

    /// Numeric references to 0x80–0x9F mean the Windows-1252 characters at those bytes, as in the HTML standard's
    /// table; the five bytes Windows-1252 leaves unassigned keep their code points.
    private static let windows1252: [UInt32: Unicode.Scalar] = [
        0x80: "\u{20AC}", 0x82: "\u{201A}", 0x83: "\u{0192}", 0x84: "\u{201E}", 0x85: "\u{2026}", 0x86: "\u{2020}",
        0x87: "\u{2021}", 0x88: "\u{02C6}", 0x89: "\u{2030}", 0x8A: "\u{0160}", 0x8B: "\u{2039}", 0x8C: "\u{0152}",
        0x8E: "\u{017D}", 0x91: "\u{2018}", 0x92: "\u{2019}", 0x93: "\u{201C}", 0x94: "\u{201D}", 0x95: "\u{2022}",
        0x96: "\u{2013}", 0x97: "\u{2014}", 0x98: "\u{02DC}", 0x99: "\u{2122}", 0x9A: "\u{0161}", 0x9B: "\u{203A}",
        0x9C: "\u{0153}", 0x9E: "\u{017E}", 0x9F: "\u{0178}",
    ]
}

// MARK: - Line index

extension HTMLScanner {
    /// Turns UTF-8 offsets into 1-based lines and columns (columns count Unicode scalars, as people count characters).
    struct LineIndex: Sendable {
        private let bytes: [UInt8]
        private let starts: [Int]
        /// How many UTF-8 continuation bytes come before each 64-byte block: a column is then found in constant
        /// time, where counting from the line's start made a long line (minified HTML) quadratic to scan.
        private let continuationsBeforeBlock: [Int]

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            var starts = [0]
            var blocks = [0]
            blocks.reserveCapacity(bytes.count / 64 + 1)
            var continuations = 0
            for (offset, byte) in bytes.enumerated() {
                if byte == .newline { starts.append(offset + 1) }
                if byte & 0xC0 == 0x80 { continuations += 1 }
                if offset & 63 == 63 { blocks.append(continuations) }
            }
            self.starts = starts
            self.continuationsBeforeBlock = blocks
        }

        /// How many continuation bytes come before `offset`.
        private func continuations(before offset: Int) -> Int {
            let block = offset >> 6
            var count = continuationsBeforeBlock[block]
            for index in (block << 6)..<offset where bytes[index] & 0xC0 == 0x80 { count += 1 }
            return count
        }

        /// The line and column of the byte at `offset`.
        func position(of offset: Int) -> (line: Int, column: Int) {
            var low = 0
            var high = starts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if starts[middle] <= offset { low = middle } else { high = middle - 1 }
            }
            let start = starts[low]
            let end = max(start, min(offset, bytes.count))
            return (low + 1, end - start - (continuations(before: end) - continuations(before: start)) + 1)
        }

        /// The text of 1-based line `number`, without its line ending.
        func line(_ number: Int) -> String? {
            guard number >= 1, number <= starts.count else { return nil }
            var end = number < starts.count ? starts[number] - 1 : bytes.count
            if end > starts[number - 1], bytes[end - 1] == .carriageReturn { end -= 1 }
            return String(decoding: bytes[starts[number - 1]..<end], as: UTF8.self)
        }
    }
}

extension UInt8 {
    fileprivate static let newline = UInt8(ascii: "\n")
    fileprivate static let carriageReturn = UInt8(ascii: "\r")
    fileprivate static let lessThan = UInt8(ascii: "<")
    fileprivate static let greaterThan = UInt8(ascii: ">")
    fileprivate static let slash = UInt8(ascii: "/")
    fileprivate static let exclamation = UInt8(ascii: "!")
    fileprivate static let question = UInt8(ascii: "?")
    fileprivate static let equals = UInt8(ascii: "=")
    fileprivate static let doubleQuote = UInt8(ascii: "\"")
    fileprivate static let singleQuote = UInt8(ascii: "'")
    fileprivate static let hyphen = UInt8(ascii: "-")
    fileprivate static let ampersand = UInt8(ascii: "&")
    fileprivate static let hash = UInt8(ascii: "#")
    fileprivate static let semicolon = UInt8(ascii: ";")

    /// Whitespace as the HTML tokenizer sees it: tab, line feed, form feed, carriage return, space.
    fileprivate var isHTMLWhitespace: Bool {
        self == 0x09 || self == 0x0A || self == 0x0C || self == 0x0D || self == 0x20
    }

    fileprivate var isASCIILetter: Bool {
        (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self)
    }

    fileprivate var isASCIIAlphanumeric: Bool {
        isASCIILetter || (0x30...0x39).contains(self)
    }

    fileprivate func isDigit(hex: Bool) -> Bool {
        (0x30...0x39).contains(self) || (hex && (0x61...0x66).contains(asciiLowercased))
    }

    fileprivate var asciiLowercased: UInt8 {
        (0x41...0x5A).contains(self) ? self + 0x20 : self
    }
}
