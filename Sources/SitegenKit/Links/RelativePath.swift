/// Path arithmetic on `/`-separated paths relative to a site root, so output never depends on where it is hosted.
enum RelativePath {
    /// The URL that leads from the page at `from` to the file at `to` (both relative to the same root).
    static func url(from: String, to: String) -> String {
        let fromDirectory = components(from, omittingEmpty: false).dropLast()
        let target = components(to, omittingEmpty: false)
        var common = 0
        while common < fromDirectory.count, common < target.count - 1, fromDirectory[common] == target[common] {
            common += 1
        }
        let ups = Array(repeating: "..", count: fromDirectory.count - common)
        return (ups + target[common...].map(String.init)).joined(separator: "/")
    }

    /// The prefix that leads from the page at `from` back to the root: `""` at the top, `"../"` one folder down.
    static func rootPrefix(from: String) -> String {
        String(repeating: "../", count: components(from, omittingEmpty: true).count - 1)
    }

    /// Resolves `path` against the folder of `base`, folding `.` and `..`; nil when it climbs above the root.
    static func resolve(_ path: String, against base: String) -> String? {
        // Built as bytes, one buffer for the whole result: every link of every page is resolved here. Splitting
        // valid UTF-8 at `/` (ASCII) and joining the parts again keeps it valid.
        var result: [UInt8] = []
        result.reserveCapacity(base.utf8.count + path.utf8.count)
        // Where each part (with the `/` before it) starts in `result`, so `..` can drop the last one.
        var partStarts: [Int] = []
        func append(_ part: Substring.UTF8View) {
            partStarts.append(result.count)
            if result.count > 0 { result.append(UInt8(ascii: "/")) }
            result.append(contentsOf: part)
        }
        if !path.hasPrefix("/") {
            for part in base.utf8.split(separator: UInt8(ascii: "/")).dropLast() { append(part) }
        }
        for part in path.utf8.split(separator: UInt8(ascii: "/")) {
            if part.elementsEqual(".".utf8) { continue }
            if part.elementsEqual("..".utf8) {
                guard let start = partStarts.popLast() else { return nil }
                result.removeSubrange(start...)
            } else {
                append(part)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The `/`-separated parts of a path. Splits UTF-8 bytes, not Characters: `/` is ASCII, and links are
    /// resolved often enough for grapheme breaking to show in build times.
    private static func components(_ path: String, omittingEmpty: Bool) -> [Substring] {
        path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: omittingEmpty).map { Substring($0) }
    }
}
