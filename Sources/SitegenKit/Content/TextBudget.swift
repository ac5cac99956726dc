import Synchronization

/// How many bytes of page text a build may keep from loading to rendering, shared by the threads that load pages.
/// A page whose text is kept is read once instead of twice; once the budget is spent, pages are read again when
/// they render, so memory stays bounded however large the site.
final class TextBudget: Sendable {
    /// The most a build keeps: enough for about 13,000 pages of 5 KB.
    static let build = 64 << 20

    /// The budget for a site whose page sources come to `pageBytes`: room for all of them when they fit in
    /// `build`, and none otherwise. A budget that holds only a share of a large site saves that share its second
    /// read, about 1% of the build, and costs the whole budget in memory just where memory counts most.
    static func bytes(forPages pageBytes: Int) -> Int {
        pageBytes <= build ? build : 0
    }

    private let remaining: Atomic<Int>

    init(bytes: Int) {
        remaining = Atomic(bytes)
    }

    /// Takes `bytes` from the budget; false, taking nothing useful, when too little is left.
    func take(_ bytes: Int) -> Bool {
        remaining.subtract(bytes, ordering: .relaxed).newValue >= 0
    }
}
