#if os(Linux)
    import Foundation
    import Glibc

    /// Linux file events for whole folder trees: one inotify watch per folder, new folders watched as they appear.
    final class InotifyEvents: @unchecked Sendable {
        // `folders` is touched only by the reading thread, and by `init` before that thread starts.
        private let descriptor: Int32
        private var folders: [Int32: String] = [:]
        private let lock = NSLock()
        private var pending: Set<String> = []
        private var closed = false

        private static let mask = UInt32(
            IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF)

        /// Starts watching; nil when inotify is not available.
        init?(folders roots: [URL]) {
            descriptor = inotify_init1(Int32(IN_CLOEXEC))
            guard descriptor >= 0 else { return nil }
            for root in roots { addTree(root.path) }
        }

        /// A signal each time changes start to collect after a `drain`; the stream ends when `close` is called.
        func stream() -> AsyncStream<Void> {
            AsyncStream { continuation in
                let thread = Thread { [self] in
                    readLoop { continuation.yield() }
                    continuation.finish()
                }
                thread.start()
            }
        }

        /// The paths that changed since the last call.
        func drain() -> Set<String> {
            lock.withLock {
                defer { pending.removeAll() }
                return pending
            }
        }

        /// Stops watching; the reading thread closes the descriptor when it notices.
        func close() {
            lock.withLock { closed = true }
        }

        private func addTree(_ path: String) {
            let watch = inotify_add_watch(descriptor, path, Self.mask)
            if watch >= 0 { folders[watch] = path }
            guard let children = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
            for child in children where !child.hasPrefix(".") {
                var isFolder: ObjCBool = false
                let childPath = path + "/" + child
                if FileManager.default.fileExists(atPath: childPath, isDirectory: &isFolder), isFolder.boolValue {
                    addTree(childPath)
                }
            }
        }

        private func readLoop(_ signal: () -> Void) {
            let size = 64 * 1024
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
            defer {
                buffer.deallocate()
                Glibc.close(descriptor)
            }
            while !lock.withLock({ closed }) {
                // Wait in short slices so `close` is noticed: closing a descriptor does not wake a blocked read.
                var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                guard poll(&request, 1, 200) > 0 else { continue }
                let count = read(descriptor, buffer, size)
                if count <= 0 {
                    if count < 0 && errno == EINTR { continue }
                    return
                }
                var offset = 0
                while offset + MemoryLayout<inotify_event>.size <= count {
                    let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                    let nameStart = buffer.advanced(by: offset + MemoryLayout<inotify_event>.size)
                    let name =
                        event.len > 0 ? String(cString: nameStart.assumingMemoryBound(to: CChar.self)) : ""
                    offset += MemoryLayout<inotify_event>.size + Int(event.len)
                    guard let folder = folders[event.wd], !name.hasPrefix(".") else { continue }
                    let path = name.isEmpty ? folder : folder + "/" + name
                    if event.mask & UInt32(IN_ISDIR) != 0 && event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                        addTree(path)
                    }
                    // Signal only when the batch was empty: the watcher then waits a moment and drains it all.
                    let wasEmpty = lock.withLock {
                        defer { pending.insert(path) }
                        return pending.isEmpty && !closed
                    }
                    if wasEmpty { signal() }
                }
            }
        }
    }
#endif
