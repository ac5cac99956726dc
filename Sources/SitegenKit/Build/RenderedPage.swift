/// A page after rendering: its finished HTML and what link checking needs.
struct RenderedPage: Sendable {
    /// The page's source, for diagnostics.
    var source: PageSource
    /// Source and output paths.
    var route: Route { source.route }
    /// The finished document.
    var html: String
    /// Anchors the page offers.
    var headings: [MarkdownDocument.Heading]
    /// Destinations the page links to, as written.
    var links: [MarkdownDocument.Link]
    /// What each destination resolved to while rendering.
    var targets: [String: LinkResolver.Target]
}
