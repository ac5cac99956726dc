import Foundation

/// Counts rendered pages across threads and reports every hundredth one, so a long build can show progress
/// without a report per page.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private let total: Int
    private let report: (@Sendable (Int, Int) -> Void)?

    init(total: Int, report: (@Sendable (Int, Int) -> Void)?) {
        self.total = total
        self.report = report
    }

    /// One more page is done.
    func advance() {
        guard let report else { return }
        let count = lock.withLock {
            done += 1
            return done
        }
        if count % 100 == 0 || count == total { report(count, total) }
    }
}
