import Foundation

/// Gathers output files from many threads, for builds kept in memory (`sitegen serve`).
final class FileCollector: @unchecked Sendable {
    // `files` is only touched under `lock`.
    private let lock = NSLock()
    private var collected: [OutputFile] = []

    /// Adds a file; safe from any thread.
    @Sendable func add(_ file: OutputFile) {
        lock.withLock { collected.append(file) }
    }

    /// Everything added so far.
    var files: [OutputFile] {
        lock.withLock { collected }
    }
}
