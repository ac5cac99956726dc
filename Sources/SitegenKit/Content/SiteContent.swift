import Foundation

/// Everything read from `content/`: settings, the features' data, the pages, and the files copied as they are.
struct SiteContent: Sendable {
    /// Site settings.
    var config: SiteConfig
    /// The features, with their data files read.
    var features: FeatureSet
    /// Pages to build, ordered by output path.
    var pages: [PageSource]
    /// Source paths of pages left out because they are drafts.
    var drafts: Set<String>
    /// Content files that are not pages or data, copied to the same path in the output.
    var assets: [String]

    /// Problems in the content that do not stop the build (unless it is strict).
    var warnings: [Diagnostic] {
        pages.filter { $0.meta.description == nil }.map {
            Diagnostic(
                SourceLocation(file: $0.displayPath, line: 1, column: 1),
                "this page has no `description`; it gets the site's, which search results and link previews show for every such page",
                hint: "add `description: One sentence about this page.` to its front matter", severity: .warning)
        }
            + pages.filter { $0.route.output == SiteFiles.notFoundPage && !$0.meta.standalone }.map {
                Diagnostic(
                    SourceLocation(file: $0.displayPath, line: 1, column: 1),
                    "hosts serve this page at every missing address, at any depth, where its stylesheet link does not reach",
                    hint: "add `standalone: true` to its front matter, so its style travels inside the page",
                    severity: .warning)
            }
    }

    /// The data files that configure the site rather than become part of it.
    static let dataFiles: Set<String> = FeatureSet.dataFiles.union([SiteConfig.fileName])

    /// Whether the input at `path` (from the project folder, as `RenderKeys.stamps` names it) is a page's source.
    static func isPageSource(_ path: String) -> Bool {
        path.hasPrefix("content/") && path.hasSuffix(".md") && !dataFiles.contains(String(path.dropFirst(8)))
    }

    /// Whether the input at `path` (as `isPageSource` takes it) is one every page's render depends on: a file of
    /// the themes, `site.yaml`, or a feature's data file.
    static func isSiteWide(_ path: String) -> Bool {
        path.hasPrefix("themes/") || isDataFile(path)
    }

    /// Whether the input at `path` (as `isPageSource` takes it) is `site.yaml` or a feature's data file.
    static func isDataFile(_ path: String) -> Bool {
        path.hasPrefix("content/") && dataFiles.contains(String(path.dropFirst(8)))
    }

    /// The site's settings and its features with their data files, read from `directory` (shown to the author
    /// as `displayName`).
    static func settings(
        in directory: URL, displayName: String
    ) throws(SitegenError) -> (config: SiteConfig, features: FeatureSet) {
        let file = try SourceFile.read(
            directory.appendingPathComponent(SiteConfig.fileName), displayPath: "\(displayName)/\(SiteConfig.fileName)")
        return (
            try SiteConfig.decode(file),
            try FeatureSet.load(from: ContentFolder(path: directory.path, displayName: displayName))
        )
    }

    /// The content's files as `FileTree.files` lists them, from the paths of a build's inputs (from the project
    /// folder, sorted, as `RenderKeys.stamps` names them): those under `content/` but the ones in `linked`,
    /// reached through a symbolic link to a file.
    static func listing(_ inputs: some Sequence<String>, linked: Set<String>) -> [String] {
        inputs.compactMap { path in
            guard path.hasPrefix("content/"), !linked.contains(path) else { return nil }
            return String(path.utf8.dropFirst("content/".utf8.count))
        }
    }

    /// Reads `directory` (shown to the author as `displayName`), collecting every problem rather than stopping at the first.
    /// A page in `known` (source path → front matter) is not read: the build record vouches that its source is
    /// as it was when that front matter was read from it; a page in `checkedBefore` is read, but its features may
    /// skip the checks an earlier good build made of it (see `SiteFeature.decodePage`). Up to `textBudget` bytes of page
    /// text are kept from loading to rendering (see `TextBudget`). `listed` is the content's files as
    /// `FileTree.files` gives them, when the caller has them already (see `listing`); without it, the folder is
    /// listed.
    static func load(
        from directory: URL, displayName: String = "content", includeDrafts: Bool, known: [String: PageMeta] = [:],
        checkedBefore: Set<String> = [], textBudget: Int = TextBudget.build, listed: [String]? = nil
    ) throws(SitegenError) -> SiteContent {
        let (config, features) = try settings(in: directory, displayName: displayName)
        let folder = ContentFolder(path: directory.path, displayName: displayName)

        let listed = listed ?? FileTree.files(under: directory)
        let nameProblems = FileNames.problems(in: listed, displayName: displayName) {
            $0.hasSuffix(".md") ? Route(source: $0).output : $0
        }
        guard nameProblems.isEmpty else { throw SitegenError(nameProblems) }
        let paths = listed.filter { !dataFiles.contains($0) }
        let assets = paths.filter { !$0.hasSuffix(".md") }
        // Reading and decoding one page needs nothing from the others, so pages load on every core.
        let budget = TextBudget(bytes: textBudget)
        let files = paths.filter { $0.hasSuffix(".md") }
        var pages: [PageSource] = []
        pages.reserveCapacity(files.count)
        var drafts: Set<String> = []
        var problems: [Diagnostic] = []
        files.parallelMap { path in
            Result { () throws(SitegenError) -> PageSource in
                if var meta = known[path] {
                    meta.features = Array(repeating: nil, count: features.features.count)
                    return PageSource(folder: folder, route: Route(source: path), meta: meta)
                }
                return try PageSource.load(
                    path, in: folder, features: features, budget: budget, checkedBefore: checkedBefore.contains(path))
            }
        } each: { result in
            // Consumed, the page moves out of the result: bound from it in place, the whole record was copied, on
            // the one thread that takes the results.
            let result = result
            switch consume result {
            case .success(let page):
                if page.meta.draft && !includeDrafts {
                    drafts.insert(page.route.source)
                } else {
                    pages.append(page)
                }
            case .failure(let failure): problems += failure.diagnostics
            }
        }
        guard problems.isEmpty else { throw SitegenError(problems) }
        // The file list is sorted and a route follows its path, so pages usually arrive in order already; checking
        // is cheaper than sorting.
        if !pages.indices.dropFirst().allSatisfy({ pages[$0 - 1].route < pages[$0].route }) {
            pages.sort { $0.route < $1.route }
        }
        return SiteContent(
            config: config, features: features, pages: pages, drafts: drafts, assets: assets)
    }
}
