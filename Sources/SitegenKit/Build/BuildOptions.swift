import Foundation

/// What to build and where: the project folder, the output folder, and whether drafts are included.
public struct BuildOptions: Sendable {
    /// The project folder, holding `content/` and `themes/`.
    public var root: URL
    /// The folder the site is written to.
    public var output: URL
    /// Whether pages marked `draft: true` are built.
    public var includeDrafts: Bool
    /// Whether warnings fail the build.
    public var strict: Bool
    /// Whether to render every page even where the build record shows it would come out as last time.
    public var clean = false
    /// Called now and then while pages render, with how many are done and how many there are in all.
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    /// Told what a build does besides building: waiting for another build of the same output, clearing up after
    /// an interrupted one, a previous site it could not remove.
    public var notice: (@Sendable (String) -> Void)?
    /// Where the output writer's changes go; tests inject faults here.
    var disk: Disk = .live

    /// Creates options; `output` defaults to `output/` inside `root`.
    public init(root: URL, output: URL? = nil, includeDrafts: Bool = false, strict: Bool = false) {
        self.root = root.standardizedFileURL
        self.output = (output ?? root.appendingPathComponent("output")).standardizedFileURL
        self.includeDrafts = includeDrafts
        self.strict = strict
    }

    var content: URL { root.appendingPathComponent("content") }

    /// The settings that shape the output, as the build record keeps them: a record made with others is not used.
    var recordedSettings: String {
        "drafts=\(includeDrafts) strict=\(strict) root=\(root.path) output=\(output.path)"
    }
    var themes: URL { root.appendingPathComponent("themes") }

    /// The folder of the theme `config` names.
    func themeDirectory(_ config: SiteConfig) -> URL { themes.appendingPathComponent(config.theme) }

    /// The theme `config` names, loaded from `themes/`.
    func theme(_ config: SiteConfig) throws(SitegenError) -> Theme {
        try Theme.load(from: themeDirectory(config), displayPath: display(themeDirectory(config)))
    }

    /// How a path is named in messages: relative to the project folder when inside it.
    func display(_ url: URL) -> String {
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    /// Refuses a project folder that does not exist or has no `content/`, before anything is created: a mistyped
    /// `--root` must not leave new folders behind.
    func checkRoot() throws(SitegenError) {
        guard Disk.kind(of: root.resolvingSymlinksInPath().path) == .folder else {
            throw SitegenError(
                Diagnostic(
                    SourceLocation(file: root.path), "the project folder \(root.path) does not exist",
                    hint: "check --root; it names the folder that holds content/ and themes/"))
        }
        guard Disk.kind(of: content.resolvingSymlinksInPath().path) == .folder else {
            throw SitegenError(
                Diagnostic(
                    SourceLocation(file: display(content)),
                    "\(root.path) has no content/ folder, so it is not a sitegen project",
                    hint: "check --root, or run sitegen from the folder that holds content/ and themes/"))
        }
    }
}
