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
            guard bytes.containsByte(where: disallowedBit) else { return path }
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

    /// Whether `byte` stands for itself in a path (letters, digits and the marks `-._~!$&'()*+,;=@/`).
    private static func isAllowed(_ byte: UInt8) -> Bool { disallowedBit(byte) == 0 }

    /// 0 for a byte that stands for itself, else 1, chosen without a branch (see `containsByte`): every byte of
    /// every link's path is tested here, and a path needing no escape is then one vectorized pass.
    @inline(__always)
    private static func disallowedBit(_ byte: UInt8) -> UInt8 {
        // `| 0x20` folds A-Z onto a-z and moves no other byte into a-z.
        let letter: UInt8 = (byte | 0x20) &- 0x61 < 26 ? 1 : 0
        let digit: UInt8 = byte &- 0x30 < 10 ? 1 : 0
        // `&'()*+,-./`, one run of ten.
        let run: UInt8 = byte &- 0x26 < 10 ? 1 : 0
        let mark: UInt8 =
            (byte == 0x21 ? 1 : 0) | (byte == 0x24 ? 1 : 0) | (byte == 0x3B ? 1 : 0) | (byte == 0x3D ? 1 : 0)
            | (byte == 0x40 ? 1 : 0) | (byte == 0x5F ? 1 : 0) | (byte == 0x7E ? 1 : 0)
        return (letter | digit | run | mark) ^ 1
    }
}
