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

    /// A diagnostic at a link in the page at `source`: at the link's exact position, found in the file as it reads
    /// now, or at the start of the link's block when the file cannot be read.
    func diagnostic(
        in source: String, at link: MarkdownDocument.Link, _ message: String, hint: String? = nil
    ) -> Diagnostic {
        let displayPath = displayPath(of: source)
        guard let file = try? SourceFile.read(atPath: filePath(of: source), displayPath: displayPath) else {
            return Diagnostic(SourceLocation(file: displayPath, line: link.blockLine, column: 1), message, hint: hint)
        }
        let (line, column) = link.position(in: file.text)
        return file.diagnostic(line: line, column: column, message, hint: hint)
    }
}
