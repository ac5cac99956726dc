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

    /// Whether `byte` stands for itself in a path: letters, digits and the marks `-._~!$&'()*+,;=@/`, one bit
    /// each in two constant words (bytes 0-63, then 64-127). Every byte of every link's path is tested here; a
    /// shift of a constant spares an array's lookup.
    @inline(__always)
    private static func isAllowed(_ byte: UInt8) -> Bool {
        let word: UInt64 = byte < 64 ? 0x2BFF_FFD2_0000_0000 : 0x47FF_FFFE_87FF_FFFF
        return byte < 0x80 && (word >> UInt64(byte & 0x3F)) & 1 == 1
    }
}
