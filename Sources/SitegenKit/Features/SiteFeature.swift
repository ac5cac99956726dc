/// A part of a site the engine does not know about, such as the guide's sample notes, plugged in at four points:
/// the feature reads its own data files, decodes the front-matter keys it owns, works out what pages need once every
/// page is loaded, and answers template values (including the embeds authors place with `<!-- sitegen:NAME -->`).
///
/// The engine never looks inside what a feature decodes: it only stores it with the page and hands it back.
protocol SiteFeature: Sendable {
    /// The front-matter keys the feature owns; pages may use them beside the engine's own.
    static var frontMatterKeys: [String] { get }
    /// Files directly in `content/` that configure the feature, so they are read, not copied to the output.
    static var dataFiles: [String] { get }
    /// Every name the feature's template values use at any depth, so themes are checked against them too.
    static var templateNames: Set<String> { get }

    /// Reads the feature's data files from `folder` (those that exist: a site need not use every feature).
    static func load(from folder: ContentFolder) throws(SitegenError) -> Self

    /// Decodes the keys the feature owns from one page's front matter (only those present are passed); nil when
    /// the page uses none of them. `checkedBefore`: the build record vouches that an earlier good build passed
    /// this very file's checks with the same data files, settings and sitegen, so checks whose outcome depends on
    /// nothing else may be skipped.
    func decodePage(
        _ keys: [String: YAMLValue], in file: SourceFile, checkedBefore: Bool
    ) throws(SitegenError) -> (any FeaturePageData)?

    /// What pages need from the feature, worked out once from every loaded page; problems that involve several
    /// pages are thrown here.
    func index(_ pages: [FeaturePage]) throws(SitegenError) -> any FeatureIndex
}

/// What a feature decoded from one page's front matter.
protocol FeaturePageData: Sendable {
    /// Whether `other` is the same data: when a changed page's data is unchanged, other pages need no re-render.
    func isSame(as other: any FeaturePageData) -> Bool
}

extension FeaturePageData where Self: Equatable {
    func isSame(as other: any FeaturePageData) -> Bool { (other as? Self) == self }
}

/// A page as a feature's index sees it.
struct FeaturePage: Sendable {
    var route: Route
    var title: String
    var description: String?
    var data: any FeaturePageData
}

/// A feature's site-wide answers for rendering.
protocol FeatureIndex: Sendable {
    /// The embeds it renders, each with the theme template `embeds/NAME`.
    var embeds: [String] { get }
    /// Problems that do not stop the build (unless it is strict).
    var warnings: [Diagnostic] { get }
    /// The values templates see for a page at `output` (its own feature data is `data`), beside the engine's.
    /// `standalone` pages work on their own, so they may be given data to embed.
    func values(for data: (any FeaturePageData)?, at output: String, standalone: Bool) -> any TemplateObject
}
