/// A content page after loading: where it goes, its front matter, and its Markdown body.
public struct PageSource: Sendable {
    /// The file it was read from.
    public var file: SourceFile
    /// Source and output paths.
    public var route: Route
    /// Its front matter.
    public var meta: PageMeta
    /// Its Markdown, and the line of the file where that starts.
    public var body: String
    /// Line of the file on which `body` starts.
    public var bodyFirstLine: Int
}
