/// A content page after loading: where it comes from and goes, and its front matter. The Markdown itself is kept
/// from loading only while a build's `TextBudget` lasts; otherwise it is read again when the page renders
/// (`read()`), so a large site never holds every page's text in memory at once.
struct PageSource: Sendable {
    /// The folder the page is in; with `route.source`, where the file is. A build keeps every page's record, so the
    /// file's path is worked out when needed rather than stored (a Foundation URL a page cost about 500 bytes).
    let folder: ContentFolder
    /// Source and output paths.
    var route: Route
    /// Its front matter.
    var meta: PageMeta

    /// The file's path.
    var filePath: String { folder.filePath(of: route.source) }
    /// The path diagnostics print, such as `content/guide.md`.
    var displayPath: String { folder.displayPath(of: route.source) }
    /// The file as it was loaded, when the build's text budget allowed keeping it until the page renders.
    var loadedText: SourceFile?

    /// Reads the page at `path` (relative to `folder`: `/`-separated, with no `.` or `..` parts, as the folder
    /// listing gives it) and decodes its front matter, the keys features own by `features` (`checkedBefore`: see
    /// `SiteFeature.decodePage`). The text is kept for rendering when `budget` has room for it.
    static func load(
        _ path: String, in folder: ContentFolder, features: FeatureSet, budget: TextBudget? = nil,
        checkedBefore: Bool = false
    ) throws(SitegenError) -> PageSource {
        let source = try SourceFile.read(atPath: folder.filePath(of: path), displayPath: folder.displayPath(of: path))
        let meta = try PageMeta.decode(
            try FrontMatter.split(source), in: source, features: features, checkedBefore: checkedBefore)
        let kept = budget?.take(source.text.utf8.count) == true
        return PageSource(folder: folder, route: Route(source: path), meta: meta, loadedText: kept ? source : nil)
    }

    /// The file's text and its Markdown body (with the line the body starts on): as loaded when it was kept,
    /// otherwise as the file reads now.
    func read() throws(SitegenError) -> (file: SourceFile, body: FrontMatter) {
        if let loadedText { return (loadedText, try FrontMatter.split(loadedText)) }
        let file = try SourceFile.read(atPath: filePath, displayPath: displayPath)
        return (file, try FrontMatter.split(file))
    }
}
