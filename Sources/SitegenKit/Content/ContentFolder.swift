/// The folder pages are read from: its path, and how messages name it (`content`). One value serves every page of a
/// build, so each page's record shares these strings instead of holding a full path of its own.
struct ContentFolder: Sendable {
    /// The folder's path on disk.
    let path: String
    /// How diagnostics name the folder.
    let displayName: String

    /// The path on disk of the file at `source` (relative to the folder).
    func filePath(of source: String) -> String { path + "/" + source }

    /// How diagnostics name the file at `source`, such as `content/guide.md`.
    func displayPath(of source: String) -> String { displayName + "/" + source }
}
