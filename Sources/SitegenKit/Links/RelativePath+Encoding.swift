/// Paths written as URLs (RFC 3986): a file may be called `c#.html`, `faq?.html`, `100%.html`, `a b.html` or
/// `café.html`, and each must reach the page as that file's name, not as a fragment, a query or an escape.
extension RelativePath {
    /// The URL that leads from the page at `from` to the file at `to`, percent-encoded.
    static func href(from: String, to: String) -> String {
        percentEncoded(url(from: from, to: to))
    }

    /// `path` with every byte that may not stand for itself in a URL path written as `%XX` (UTF-8, upper-case
    /// hex): all but letters, digits, `-._~`, the sub-delimiters `!$&'()*+,;=`, `@` and the `/` between parts.
    /// `:` is encoded too, so a first part such as `a:b.html` is never read as a scheme.
    static func percentEncoded(_ path: String) -> String {
        var contiguous = path
        return contiguous.withUTF8 { bytes in
            // Almost every path needs no escape, and then is its own answer.
            guard !bytes.allSatisfy(isAllowed) else { return path }
            var encoded: [UInt8] = []
            encoded.reserveCapacity(bytes.count * 3)
            for byte in bytes {
                if isAllowed(byte) {
                    encoded.append(byte)
                } else {
                    encoded += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
                }
            }
            return String(decoding: encoded, as: UTF8.self)
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// One bit per ASCII byte that stands for itself (letters, digits and the marks `-._~!$&'()*+,;=@/`): every
    /// byte of every link's path is looked up here.
    private static func isAllowed(_ byte: UInt8) -> Bool {
        byte < 0x80 && allowed[Int(byte >> 6)] & (1 << UInt64(byte & 0x3F)) != 0
    }

    private static let allowed: [UInt64] = {
        var bits: [UInt64] = [0, 0]
        let marks = "-._~!$&'()*+,;=@/".utf8
        for byte in UInt8(0)..<0x80 {
            let isLetterOrDigit =
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            if isLetterOrDigit || marks.contains(byte) { bits[Int(byte >> 6)] |= 1 << UInt64(byte & 0x3F) }
        }
        return bits
    }()
}
