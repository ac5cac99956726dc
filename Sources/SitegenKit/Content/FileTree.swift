import Foundation

/// Lists the files of a folder tree in a stable order, so builds do not depend on the file system's order.
enum FileTree {
    /// Paths, relative to `directory` and `/`-separated, of every regular file below it, sorted; hidden files and
    /// folders (names starting with `.`) are skipped.
    static func files(under directory: URL) -> [String] {
        guard
            let enumerator = FileManager.default.enumerator(
                at: directory, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        let base = directory.standardizedFileURL.resolvingSymlinksInPath().path
        var result: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            guard path.hasPrefix(base + "/") else { continue }
            result.append(String(path.dropFirst(base.count + 1)))
        }
        return result.sorted()
    }
}
