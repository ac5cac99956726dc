/// Where a content file comes from and where its page goes, both relative to their roots, with `/` separators.
struct Route: Sendable, Hashable, Comparable {
    /// Path under `content/`, e.g. `notes/recruiter.md`.
    var source: String
    /// Path under the output folder, e.g. `notes/recruiter.html`. Always a file, never a folder.
    var output: String

    /// The route of a Markdown source: `x.md` becomes `x.html`, so every URL names a file and works from disk.
    init(source: String) {
        self.source = source
        self.output = String(source.dropLast(".md".count)) + ".html"
    }

    /// A route for a file that keeps its path (assets).
    init(source: String, output: String) {
        self.source = source
        self.output = output
    }

    static func < (lhs: Route, rhs: Route) -> Bool { lhs.output < rhs.output }
}
