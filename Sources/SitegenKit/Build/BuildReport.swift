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
