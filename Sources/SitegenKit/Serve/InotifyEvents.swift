#if os(Linux)
    import Foundation
    import Glibc

    /// Linux file events for whole folder trees: one inotify watch per folder, new folders watched as they appear.
    /// Each root's parent is watched too, for the root alone, so a root that is deleted and put back (a branch
    /// switch) is watched again. When events may have been missed (the kernel's queue overflowed, a watch could not
    /// be added) the roots themselves are reported changed, which makes a full rebuild, and a note says why.
    final class InotifyEvents: @unchecked Sendable {
        // `folders` and `roots` are touched only by the reading thread, and by `init` before that thread starts.
        private let descriptor: Int32
        private var folders: [Int32: String] = [:]
        private let roots: [String]
        private let lock = NSLock()
        private var pending: Set<String> = []
        private var notes: [String] = []
        private var closed = false
        /// Whether `init` has finished: a watch that fails after that is noted and makes `degraded` true.
        private var started = false
        /// Whether a signal is out that no `drain` has answered yet.
        private var signalled = false
        private var lostWatch = false

        private static let mask = UInt32(
            IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF
                | IN_MOVE_SELF)
        /// For a root's parent: only entries appearing and disappearing matter.
        private static let parentMask = UInt32(IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ONLYDIR)

        /// Starts watching. Fails, saying why, when inotify is not available or a folder cannot be watched (the
        /// system's limit of watches is reached): the caller then compares the folders' files instead.
        init(folders roots: [URL]) throws(Unavailable) {
            descriptor = inotify_init1(Int32(IN_CLOEXEC))
            guard descriptor >= 0 else {
                throw Unavailable(reason: "inotify is not available (\(String(cString: strerror(errno))))")
            }
            self.roots = roots.map(\.standardizedFileURL.path)
            for root in self.roots {
                watch(URL(fileURLWithPath: root).deletingLastPathComponent().path, mask: Self.parentMask)
                addTree(root)
            }
            if let first = notes.first {
                Glibc.close(descriptor)
                throw Unavailable(reason: first)
            }
            started = true
        }

        /// Why file events cannot be had.
        struct Unavailable: Error {
            let reason: String
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

        /// The paths that changed since the last call, and notes about events that may have been missed.
        func drain() -> (paths: Set<String>, notes: [String]) {
            lock.withLock {
                defer {
                    pending.removeAll()
                    notes.removeAll()
                    signalled = false
                }
                return (pending, notes)
            }
        }

        /// Whether a folder could not be watched after watching started: its changes would go unseen, so the
        /// caller should compare files instead from then on.
        var degraded: Bool { lock.withLock { lostWatch } }

        /// Stops watching; the reading thread closes the descriptor when it notices.
        func close() {
            lock.withLock { closed = true }
        }

        /// Adds a watch on one folder; a failure is noted and forces a full rebuild.
        @discardableResult
        private func watch(_ path: String, mask: UInt32) -> Bool {
            let watch = inotify_add_watch(descriptor, path, mask)
            guard watch >= 0 else {
                let reason = String(cString: strerror(errno))
                if errno != ENOENT {
                    let limit = errno == ENOSPC ? ", the system's limit fs.inotify.max_user_watches" : ""
                    note("cannot watch \(path) for changes (\(reason)\(limit))")
                    if started { lock.withLock { lostWatch = true } }
                }
                return false
            }
            folders[watch] = path
            return true
        }

        private func addTree(_ path: String) {
            guard watch(path, mask: Self.mask) else { return }
            for (name, kind) in (try? Disk.entries(in: path)) ?? [] where kind == .folder && !name.hasPrefix(".") {
                addTree(path + "/" + name)
            }
        }

        /// Forgets the watches of `path` and every folder below it (moved or deleted away).
        private func forgetTree(_ path: String) {
            for (watch, folder) in folders where folder == path || folder.hasPrefix(path + "/") {
                folders[watch] = nil
                inotify_rm_watch(descriptor, watch)
            }
        }

        private func note(_ text: String) {
            lock.withLock {
                notes.append(text)
                pending.formUnion(roots)
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
                    handle(event, name: name)
                }
                // One signal per drain: the watcher then waits a moment and drains everything that came.
                let shouldSignal = lock.withLock {
                    guard !pending.isEmpty, !signalled, !closed else { return false }
                    signalled = true
                    return true
                }
                if shouldSignal { signal() }
            }
        }

        private func handle(_ event: inotify_event, name: String) {
            if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                note("missed some file changes (the kernel's event queue overflowed); rebuilding everything")
                for root in roots { addTree(root) }
                return
            }
            guard let folder = folders[event.wd] else { return }
            if event.mask & UInt32(IN_IGNORED) != 0 {
                folders[event.wd] = nil
                return
            }
            if event.mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
                forgetTree(folder)
                lock.withLock { _ = pending.insert(folder) }
                return
            }
            let path = name.isEmpty ? folder : folder + "/" + name
            if let root = roots.first(where: { $0 == path }) {
                // The root itself appeared or went away, seen from its parent.
                if event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { addTree(root) }
                if event.mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 { forgetTree(root) }
                lock.withLock { _ = pending.insert(root) }
                return
            }
            // Entries of a root's parent other than the root are not watched.
            guard roots.contains(where: { folder == $0 || folder.hasPrefix($0 + "/") }), !name.hasPrefix(".") else {
                return
            }
            if event.mask & UInt32(IN_ISDIR) != 0 {
                if event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { addTree(path) }
                if event.mask & UInt32(IN_MOVED_FROM | IN_DELETE) != 0 { forgetTree(path) }
            }
            lock.withLock { _ = pending.insert(path) }
        }
    }
#endif
