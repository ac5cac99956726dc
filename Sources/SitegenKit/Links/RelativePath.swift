/// Path arithmetic on `/`-separated paths relative to a site root, so output never depends on where it is hosted.
///
/// Works on UTF-8 bytes, with parts as byte ranges: `/` is ASCII, and every link of every page is resolved and
/// rewritten here, often enough for grapheme breaking and arrays of substrings to show in build times. Cutting
/// valid UTF-8 at `/` and joining the pieces again keeps it valid.
enum RelativePath {
    /// The URL that leads from the page at `from` to the file at `to` (both relative to the same root).
    static func url(from: String, to: String) -> String {
        withBytes(from) { from in
            withBytes(to) { to in
                let fromDirectory = parts(of: from, omittingEmpty: false).dropLast()
                let target = parts(of: to, omittingEmpty: false)
                var common = 0
                while common < fromDirectory.count, common < target.count - 1,
                    samePart(from[fromDirectory[common]], to[target[common]])
                {
                    common += 1
                }
                var result: [UInt8] = []
                let ups = fromDirectory.count - common
                result.reserveCapacity(3 * ups + to.count - target[common].lowerBound)
                for _ in 0..<ups { result.append(contentsOf: "../".utf8) }
                result.append(contentsOf: to[target[common].lowerBound...])
                return String(decoding: result, as: UTF8.self)
            }
        }
    }

    /// The prefix that leads from the page at `from` back to the root: `""` at the top, `"../"` one folder down.
    static func rootPrefix(from: String) -> String {
        String(repeating: "../", count: withBytes(from) { parts(of: $0, omittingEmpty: true).count } - 1)
    }

    /// Resolves `path` against the folder of `base`, folding `.` and `..`; nil when it climbs above the root.
    static func resolve(_ path: String, against base: String) -> String? {
        let isAbsolute = path.hasPrefix("/")
        return withBytes(base) { base in
            withBytes(path) { path -> String? in
                var result: [UInt8] = []
                result.reserveCapacity(base.count + path.count)
                // Where each part (with the `/` before it) starts in `result`, so `..` can drop the last one.
                var partStarts: [Int] = []
                func append(_ part: Slice<UnsafeBufferPointer<UInt8>>) {
                    partStarts.append(result.count)
                    if !result.isEmpty { result.append(UInt8(ascii: "/")) }
                    result.append(contentsOf: part)
                }
                if !isAbsolute {
                    for part in parts(of: base, omittingEmpty: true).dropLast() { append(base[part]) }
                }
                for range in parts(of: path, omittingEmpty: true) {
                    let part = path[range]
                    let dots = part.allSatisfy { $0 == UInt8(ascii: ".") }
                    if dots && part.count == 1 { continue }
                    if dots && part.count == 2 {
                        guard let start = partStarts.popLast() else { return nil }
                        result.removeSubrange(start...)
                    } else {
                        append(part)
                    }
                }
                return String(decoding: result, as: UTF8.self)
            }
        }
    }

    /// The byte ranges of the `/`-separated parts of `path`.
    private static func parts(of path: UnsafeBufferPointer<UInt8>, omittingEmpty: Bool) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for index in 0...path.count where index == path.count || path[index] == UInt8(ascii: "/") {
            if !omittingEmpty || index > start { result.append(start..<index) }
            start = index + 1
        }
        return result
    }

    /// Whether two parts are the same text. Equal bytes are; otherwise only non-ASCII text can still be equal
    /// (as Swift compares strings, by canonical equivalence).
    private static func samePart(_ a: Slice<UnsafeBufferPointer<UInt8>>, _ b: Slice<UnsafeBufferPointer<UInt8>>)
        -> Bool
    {
        if a.elementsEqual(b) { return true }
        if a.allSatisfy({ $0 < 0x80 }) && b.allSatisfy({ $0 < 0x80 }) { return false }
        return String(decoding: a, as: UTF8.self) == String(decoding: b, as: UTF8.self)
    }

    /// Calls `body` with the UTF-8 bytes of `text`, without copying a native string.
    private static func withBytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var text = text
        return text.withUTF8(body)
    }
}
