/// What a successful build did.
public struct BuildReport: Sendable {
    /// Pages in the site.
    public var pages: Int
    /// How many of them this build rendered; the others were unchanged since the last build into the same output
    /// folder and were carried over as they were.
    public var rendered: Int
    /// Whether nothing had changed since the last build, so nothing was read or written but the inputs' and the
    /// output's file stamps; the other figures are then the last build's.
    public var upToDate = false
    /// Files written in all (pages and assets).
    public var files: Int
    /// The output folder as shown to the user.
    public var output: String
    /// Problems that did not stop the build.
    public var warnings: [Diagnostic]
    /// Things the author should know, such as features skipped and why.
    public var notes: [String]
}
