/// A page after rendering: its finished HTML and what link checking needs.
struct RenderedPage: Sendable {
    /// The page's source file, for diagnostics.
    var file: SourceFile
    /// Source and output paths.
    var route: Route
    /// The finished document.
    var html: String
    /// Anchors the page offers.
    var headings: [MarkdownDocument.Heading]
    /// Destinations the page links to, as written.
    var links: [MarkdownDocument.Link]
}
