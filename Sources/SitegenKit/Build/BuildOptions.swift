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
    /// Called now and then while pages render, with how many are done and how many there are in all.
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    /// Creates options; `output` defaults to `output/` inside `root`.
    public init(root: URL, output: URL? = nil, includeDrafts: Bool = false, strict: Bool = false) {
        self.root = root.standardizedFileURL
        self.output = (output ?? root.appendingPathComponent("output")).standardizedFileURL
        self.includeDrafts = includeDrafts
        self.strict = strict
    }

    var content: URL { root.appendingPathComponent("content") }
    var themes: URL { root.appendingPathComponent("themes") }

    /// How a path is named in messages: relative to the project folder when inside it.
    func display(_ url: URL) -> String {
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        let path = url.standardizedFileURL.path
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}
