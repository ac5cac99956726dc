#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `lstat` says of a file, enough to tell that it has not changed since it was last read: device, inode,
/// size, and modification and status-change times to the nanosecond. An editor that saves in place changes the
/// times; one that saves by renaming a new file over the old also changes the inode.
struct FileStamp: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    /// Nanoseconds since the epoch.
    var modified: Int64
    /// Nanoseconds since the epoch; a hard link or a `chmod` changes it too.
    var changed: Int64

    /// The stamp of the entry at `path`, without following a symbolic link; nil when there is none.
    static func of(_ path: String) -> FileStamp? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        return FileStamp(status)
    }

    init(_ status: stat) {
        device = UInt64(truncatingIfNeeded: status.st_dev)
        inode = UInt64(truncatingIfNeeded: status.st_ino)
        size = Int64(status.st_size)
        #if canImport(Darwin)
            modified = Self.nanoseconds(status.st_mtimespec)
            changed = Self.nanoseconds(status.st_ctimespec)
        #else
            modified = Self.nanoseconds(status.st_mtim)
            changed = Self.nanoseconds(status.st_ctim)
        #endif
    }

    init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// The same file with only its status-change time moved: what a hard link to it does. Output files are carried
    /// from one build to the next by hard links, so their stamps leave that time out.
    var ignoringStatusChange: FileStamp {
        FileStamp(device: device, inode: inode, size: size, modified: modified, changed: 0)
    }

    /// Whether a change made just after this stamp was taken could leave it as it is: file times are kept to a
    /// clock tick (a few milliseconds), so a file changed within `margin` of `now` can be changed again within the
    /// same tick, to the same size, without its stamp showing it. Such a stamp is not trusted.
    func isRacy(now: Int64, margin: Int64 = FileStamp.racyMargin) -> Bool {
        modified >= now - margin || changed >= now - margin
    }

    /// Longer than the coarsest clock tick Linux keeps file times to (10 ms at 100 Hz).
    static let racyMargin: Int64 = 20_000_000

    /// The stamp as one word of the record.
    var text: String {
        "\(device).\(inode).\(size).\(modified).\(changed)"
    }

    /// Reads `text`; nil when it is not five whole numbers.
    init?(text: Substring) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 5, let device = UInt64(parts[0]), let inode = UInt64(parts[1]),
            let size = Int64(parts[2]), let modified = Int64(parts[3]), let changed = Int64(parts[4])
        else { return nil }
        self.init(device: device, inode: inode, size: size, modified: modified, changed: changed)
    }
}
