import Synchronization

/// How many bytes of page text a build may keep from loading to rendering, shared by the threads that load pages.
/// A page whose text is kept is read once instead of twice; once the budget is spent, pages are read again when
/// they render, so memory stays bounded however large the site.
final class TextBudget: Sendable {
    /// The budget a build starts with: enough for about 13,000 pages of 5 KB.
    static let build = 64 << 20

    private let remaining: Atomic<Int>

    init(bytes: Int) {
        remaining = Atomic(bytes)
    }

    /// Takes `bytes` from the budget; false, taking nothing useful, when too little is left.
    func take(_ bytes: Int) -> Bool {
        remaining.subtract(bytes, ordering: .relaxed).newValue >= 0
    }
}
