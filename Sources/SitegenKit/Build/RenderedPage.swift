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

/// Everything a build worked out, kept by `serve` so a change to one page can be re-rendered alone.
struct SiteRender: Sendable {
    /// What was read from `content/`.
    var content: SiteContent
    /// The site index and theme every page renders with.
    var renderer: PageRenderer
    /// The rendered pages (their HTML already handed on), in the order of `content.pages`.
    var pages: [RenderedPage]
    /// The heading ids of every page, by source path, for checking links.
    var anchors: [String: Set<String>]
    /// Problems that did not stop the build.
    var warnings: [Diagnostic]
    /// Things the author should know, such as features skipped and why.
    var notes: [String]
}
