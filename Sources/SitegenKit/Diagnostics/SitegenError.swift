/// What every throwing API of SitegenKit throws: one or more diagnostics, each with where it is and what to do.
///
/// A build, a check and a server all report problems this one way, so a caller handles them in one place.
public struct SitegenError: Error, Sendable, CustomStringConvertible {
    /// Every problem found, in a stable order.
    public var diagnostics: [Diagnostic]
    /// Whether the output folder is exactly as it was before the build; false only when a failed swap could not
    /// be undone (the diagnostics then say where the previous site is). Always true for a check.
    public var outputUnchanged = true

    /// Creates an error from its diagnostics.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// Creates an error from one diagnostic.
    public init(_ diagnostic: Diagnostic) {
        self.init([diagnostic])
    }

    /// All diagnostics, one after another.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
