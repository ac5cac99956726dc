import Foundation

/// Reports which files change under a set of folders. On Linux it listens to the kernel (inotify), so a change
/// is seen at once and an idle watch costs nothing; elsewhere it compares file sizes and modification times.
struct ChangeWatcher: Sendable {
    /// The folders watched, recursively.
    let folders: [URL]

    /// Starts watching, calls `onReady` (changes made while it runs are not lost), then calls `onChange` with the
    /// absolute paths that changed, batched over `settle` (editors often write a file in several steps), and notes
    /// about changes that may have been missed, until the task is cancelled.
    func watch(
        settle: Duration = .milliseconds(10), onReady: @Sendable () async -> Void,
        onChange: @Sendable (_ paths: Set<String>, _ notes: [String]) async -> Void
    ) async {
        #if os(Linux)
            let unavailable: String
            do throws(InotifyEvents.Unavailable) {
                let events = try InotifyEvents(folders: folders)
                await onReady()
                await watch(events, settle: settle, onChange: onChange)
                return
            } catch {
                unavailable = error.reason
            }
            await poll(
                every: .milliseconds(200),
                onReady: {
                    await onReady()
                    await onChange([], ["\(unavailable); comparing files every 200 ms instead"])
                }, onChange: onChange)
        #else
            await poll(every: .milliseconds(200), onReady: onReady, onChange: onChange)
        #endif
    }

    #if os(Linux)
        private func watch(
            _ events: InotifyEvents, settle: Duration,
            onChange: @Sendable (_ paths: Set<String>, _ notes: [String]) async -> Void
        ) async {
            let stream = events.stream()
            var iterator = stream.makeAsyncIterator()
            while !Task.isCancelled, await iterator.next() != nil {
                try? await Task.sleep(for: settle)
                let (changed, notes) = events.drain()
                if !changed.isEmpty { await onChange(changed, notes) }
                if events.degraded {
                    events.close()
                    await poll(
                        every: .milliseconds(200),
                        onReady: { await onChange([], ["comparing files every 200 ms from now on"]) },
                        onChange: onChange)
                    return
                }
            }
            events.close()
        }
    #endif

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

    private func poll(
        every interval: Duration, onReady: @Sendable () async -> Void,
        onChange: @Sendable (_ paths: Set<String>, _ notes: [String]) async -> Void
    ) async {
        var last = snapshot()
        await onReady()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let now = snapshot()
            let changed = Set(now.keys.filter { now[$0] != last[$0] }).union(last.keys.filter { now[$0] == nil })
            last = now
            if !changed.isEmpty { await onChange(changed, []) }
        }
    }
}
