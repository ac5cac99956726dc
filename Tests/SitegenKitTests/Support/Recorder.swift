import Foundation

/// Collects what callbacks report from any thread (steps the writer takes, notices), behind a lock.
final class Recorder: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [String] = []
    private var count = 0

    /// Everything recorded so far, in order.
    var lines: [String] { lock.withLock { collected } }

    /// Records one line.
    @Sendable func add(_ line: String) { lock.withLock { collected.append(line) } }

    /// Counts one more event and returns how many there have been.
    func next() -> Int {
        lock.withLock {
            count += 1
            return count
        }
    }
}
