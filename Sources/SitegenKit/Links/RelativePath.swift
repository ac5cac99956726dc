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
        var parts: [Substring] = path.hasPrefix("/") ? [] : Array(components(base, omittingEmpty: true).dropLast())
        for part in components(path, omittingEmpty: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// The `/`-separated parts of a path. Splits UTF-8 bytes, not Characters: `/` is ASCII, and links are
    /// resolved often enough for grapheme breaking to show in build times.
    private static func components(_ path: String, omittingEmpty: Bool) -> [Substring] {
        path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: omittingEmpty).map { Substring($0) }
    }
}
