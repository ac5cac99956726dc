/// Path arithmetic on `/`-separated paths relative to a site root, so output never depends on where it is hosted.
enum RelativePath {
    /// The URL that leads from the page at `from` to the file at `to` (both relative to the same root).
    static func url(from: String, to: String) -> String {
        let fromDirectory = from.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        let target = to.split(separator: "/", omittingEmptySubsequences: false)
        var common = 0
        while common < fromDirectory.count, common < target.count - 1, fromDirectory[common] == target[common] {
            common += 1
        }
        let ups = Array(repeating: "..", count: fromDirectory.count - common)
        return (ups + target[common...].map(String.init)).joined(separator: "/")
    }

    /// The prefix that leads from the page at `from` back to the root: `""` at the top, `"../"` one folder down.
    static func rootPrefix(from: String) -> String {
        String(repeating: "../", count: from.split(separator: "/").count - 1)
    }

    /// Resolves `path` against the folder of `base`, folding `.` and `..`; nil when it climbs above the root.
    static func resolve(_ path: String, against base: String) -> String? {
        var parts: [Substring] = path.hasPrefix("/") ? [] : Array(base.split(separator: "/").dropLast())
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
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
}
