/// What a successful build did.
public struct BuildReport: Sendable {
    /// Pages rendered.
    public var pages: Int
    /// Files written in all (pages and assets).
    public var files: Int
    /// The output folder as shown to the user.
    public var output: String
    /// Problems that did not stop the build.
    public var warnings: [Diagnostic]
    /// Things the author should know, such as features skipped and why.
    public var notes: [String]
}

/// A site rendered in memory, ready to write or serve.
public struct RenderedSite: Sendable {
    /// Every output file, sorted by path; empty after `build`, which streams them to disk instead.
    public var files: [OutputFile]
    /// How many pages were rendered.
    public var pageCount: Int
    /// Problems that did not stop the build.
    public var warnings: [Diagnostic]
    /// Things the author should know, such as features skipped and why.
    public var notes: [String]
}
