import Foundation

/// Notices changes under a set of folders by comparing each file's size and modification time between polls.
/// Polling works the same on every platform and needs no system-specific file-event API.
struct ChangeWatcher: Sendable {
    /// The folders watched.
    let folders: [URL]

    /// What the folders hold now: each file's path with its modification time and size.
    func snapshot() -> [String: [Double]] {
        var result: [String: [Double]] = [:]
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]
        for folder in folders {
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: keys)
            while let url = enumerator?.nextObject() as? URL {
                guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else {
                    continue
                }
                result[url.path] = [
                    values.contentModificationDate?.timeIntervalSince1970 ?? 0, Double(values.fileSize ?? 0),
                ]
            }
        }
        return result
    }

    /// Calls `onChange` each time the folders differ from the previous poll, until the task is cancelled.
    func watch(every interval: Duration, onChange: @Sendable () async -> Void) async {
        var last = snapshot()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let now = snapshot()
            if now != last {
                last = now
                await onChange()
            }
        }
    }
}
