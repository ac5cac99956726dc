import Foundation

/// Lists the files of a folder tree in a stable order, so builds do not depend on the file system's order.
enum FileTree {
    /// Paths, relative to `directory` and `/`-separated, of every regular file below it, sorted; hidden files and
    /// folders (names starting with `.`) are skipped.
    static func files(under directory: URL) -> [String] {
        // String paths and the enumerator's own attributes: URL resource values cost a system call per file.
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var result: [String] = []
        while let path = enumerator.nextObject() as? String {
            let name = path.split(separator: "/").last ?? ""
            let type = enumerator.fileAttributes?[.type] as? FileAttributeType
            if name.hasPrefix(".") {
                if type == .typeDirectory { enumerator.skipDescendants() }
                continue
            }
            if type == .typeRegular { result.append(path) }
        }
        return result.sorted()
    }
}
