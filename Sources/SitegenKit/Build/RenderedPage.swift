/// A page after rendering: its finished HTML and what link checking needs. A build keeps one for every page until
/// links are checked, so it holds only where the page is, not its whole record.
struct RenderedPage: Sendable {
    /// The folder the page's source is in, for diagnostics.
    var folder: ContentFolder
    /// Source and output paths.
    var route: Route
    /// The finished document, as UTF-8.
    var html: [UInt8]
    /// The heading ids the page offers as anchors.
    var anchors: HeadingIDs
    /// The links that still need checking once every page is rendered: those to a heading, and broken ones.
    /// A link to a page or file that exists, without a fragment, was settled while rendering, so a large site
    /// keeps nothing for it.
    var pendingLinks: [PendingLink]
}

/// A link whose target is known but not yet checked against the other pages' anchors.
struct PendingLink: Sendable {
    /// The destination as written, and where.
    var link: MarkdownDocument.Link
    /// What it resolved to.
    var target: LinkResolver.Target

    /// Whether a link with this target needs checking after rendering.
    static func needsCheck(_ target: LinkResolver.Target) -> Bool {
        switch target {
        case .external, .asset: false
        case .broken: true
        case .samePage(let fragment): !fragment.isEmpty
        case .page(_, let fragment): !(fragment ?? "").isEmpty
        }
    }
}

/// Everything a build worked out, kept by `serve` so a change to one page can be re-rendered alone.
struct SiteRender: Sendable {
    /// What was read from `content/`.
    var content: SiteContent
    /// The site index and theme every page renders with.
    var renderer: PageRenderer
    /// The rendered pages (their HTML already handed on), in the order of `content.pages`.
    var pages: [RenderedPage]
    /// The heading ids of every page (`serve`), or of those the links of the pages lead to (`build`), by source
    /// path, for checking links.
    var anchors: [String: HeadingIDs]
    /// Problems that did not stop the build.
    var warnings: [Diagnostic]
    /// Things the author should know, such as features skipped and why.
    var notes: [String]
    /// How many pages were rendered; the others were carried over from the last build.
    var rendered: Int
    /// The build record's line for each page, in page order (`build`).
    var recordLines: [[UInt8]]
    /// What every page's key shares, for the build record (`RenderKeys.siteKey`).
    var siteKey: String?
    /// The build record's entry for each page, by source path (`serve`, which keeps its record in memory).
    var recordPages: [String: BuildRecord.Page]

    /// Drops the page texts kept from loading (see `TextBudget`), for a build that is kept after it has rendered.
    mutating func dropLoadedTexts() {
        for index in content.pages.indices { content.pages[index].loadedText = nil }
    }
}
