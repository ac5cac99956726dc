import Foundation

/// A content page after loading: where it comes from and goes, and its front matter. The Markdown itself is read
/// again when the page renders (`read()`), so a large site never holds every page's text in memory at once.
public struct PageSource: Sendable {
    /// The file on disk.
    public var url: URL {
        didSet { filePath = url.path }
    }
    /// `url.path`, worked out once: the file is read again for every render, and `URL.path` builds a new string
    /// each time.
    private(set) var filePath: String
    /// The path diagnostics print, such as `content/guide.md`.
    public var displayPath: String
    /// Source and output paths.
    public var route: Route
    /// Its front matter.
    public var meta: PageMeta

    /// Reads the page at `path` (relative to `directory`, the content folder shown as `displayName`) and decodes
    /// its front matter; `elements` and `fields` check what a note names.
    static func load(
        _ path: String, in directory: URL, displayName: String, elements: [Element], fields: [Field]
    ) throws(Diagnostic) -> PageSource {
        // Said to be a file: otherwise appendingPathComponent stats it to find out, for every page.
        let url = directory.appendingPathComponent(path, isDirectory: false)
        let filePath = url.path
        let source = try SourceFile.read(atPath: filePath, displayPath: "\(displayName)/\(path)")
        let meta = try PageMeta.decode(try FrontMatter.split(source), in: source, elements: elements, fields: fields)
        return PageSource(
            url: url, filePath: filePath, displayPath: source.displayPath, route: Route(source: path), meta: meta)
    }

    /// The file's current text and its Markdown body (with the line the body starts on).
    public func read() throws(Diagnostic) -> (file: SourceFile, body: FrontMatter) {
        let file = try SourceFile.read(atPath: filePath, displayPath: displayPath)
        return (file, try FrontMatter.split(file))
    }

    /// A diagnostic at a link in this page, at the link's exact position when the file can still be read.
    func diagnostic(at link: MarkdownDocument.Link, _ message: String, hint: String? = nil) -> Diagnostic {
        guard let file = try? SourceFile.read(url, displayPath: displayPath) else {
            return Diagnostic(SourceLocation(file: displayPath, line: link.blockLine, column: 1), message, hint: hint)
        }
        let (line, column) = link.position(in: file.text)
        return file.diagnostic(line: line, column: column, message, hint: hint)
    }

    /// A diagnostic at a position in this page, quoting the line when the file can still be read.
    func diagnostic(line: Int, column: Int, _ message: String, hint: String? = nil) -> Diagnostic {
        guard let file = try? SourceFile.read(atPath: filePath, displayPath: displayPath) else {
            return Diagnostic(SourceLocation(file: displayPath, line: line, column: column), message, hint: hint)
        }
        return file.diagnostic(line: line, column: column, message, hint: hint)
    }
}
