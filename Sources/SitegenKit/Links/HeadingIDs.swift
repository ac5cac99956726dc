/// The heading ids of one page, kept as one string. A build keeps them for every page until links are checked, and
/// a set of strings per page cost several times the memory; lookups happen only for links with a `#fragment`.
struct HeadingIDs: Sendable, Equatable {
    /// The ids, one per line: an id never holds a line break (`HeadingSlug` folds white space into `-`).
    private let lines: String

    init(_ ids: [String]) {
        lines = ids.joined(separator: "\n")
    }

    /// The ids as one text, one a line, for the build record.
    var text: String { lines }

    /// The ids of `text`, one a line, as `text` gives them.
    init(text: String) {
        lines = text
    }

    /// Whether a heading has the id `id`.
    func contains(_ id: String) -> Bool {
        !lines.isEmpty && lines.split(separator: "\n", omittingEmptySubsequences: false).contains { $0 == id }
    }

    /// The ids, sorted, for hints.
    var sorted: [String] {
        lines.isEmpty ? [] : lines.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).sorted()
    }
}
