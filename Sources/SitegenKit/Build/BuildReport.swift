/// What a successful build did.
public struct BuildReport: Sendable {
    /// Pages rendered.
    public var pages: Int
    /// Files written in all (pages and assets).
    public var files: Int
    /// The output folder as shown to the user.
    public var output: String
}
