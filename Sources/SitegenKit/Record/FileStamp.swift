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

    /// This process's clock, in nanoseconds since the epoch.
    static func now() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return nanoseconds(now)
    }

    /// Wrapping, so a time past the year 2262 (or before 1677) gives a number, not a crash: such a stamp is
    /// still the same from one look to the next.
    static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) &* 1_000_000_000 &+ Int64(time.tv_nsec)
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

    /// Appends the stamp's text, the digits written directly: a record holds two stamps for every page.
    func appendText(to out: inout [UInt8]) {
        func number(_ value: UInt64) {
            // Written from the last digit back into a buffer on the stack (20 digits hold any UInt64), then
            // appended in one copy.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
                var start = 20
                var rest = value
                repeat {
                    start -= 1
                    digits[start] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                    rest /= 10
                } while rest > 0
                out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
            }
        }
        number(device)
        out.append(UInt8(ascii: "."))
        number(inode)
        out.append(UInt8(ascii: "."))
        number(UInt64(bitPattern: size))
        out.append(UInt8(ascii: "."))
        number(UInt64(bitPattern: modified))
        out.append(UInt8(ascii: "."))
        number(UInt64(bitPattern: changed))
    }

    /// The stamp as one word of the record.
    var text: String {
        var bytes: [UInt8] = []
        appendText(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Reads `text`; nil when it is not five whole numbers separated by dots. It reads bytes: a record holds
    /// two stamps for every page.
    init?(text: Substring) {
        // Five 64-bit numbers, as `appendText` writes them: the signed ones by their bit pattern.
        var numbers: [UInt64] = []
        var current: UInt64 = 0
        var digits = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: ".") {
                guard digits > 0 else { return nil }
                numbers.append(current)
                (current, digits) = (0, 0)
            } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                let (times, overflow) = current.multipliedReportingOverflow(by: 10)
                let (sum, carry) = times.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
                guard !overflow, !carry else { return nil }
                current = sum
                digits += 1
            } else {
                return nil
            }
        }
        guard digits > 0 else { return nil }
        numbers.append(current)
        guard numbers.count == 5 else { return nil }
        self.init(
            device: numbers[0], inode: numbers[1], size: Int64(bitPattern: numbers[2]),
            modified: Int64(bitPattern: numbers[3]), changed: Int64(bitPattern: numbers[4]))
    }
}

/// Takes the stamps of files under one folder, keeping the folder of the last one open: paths given in sorted
/// order come folder by folder, and `fstatat` from an open folder spares looking each path up from the root.
final class FolderStamper {
    private let root: String
    private var folder: Substring?
    private var descriptor: Int32 = -1

    init(root: String) {
        self.root = root
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// The stamp of `path` (relative to the root, `/`-separated), without following a symbolic link.
    func stamp(_ path: String) -> FileStamp? {
        let slash = path.utf8.lastIndex(of: UInt8(ascii: "/"))
        let parent = slash.map { path[..<$0] } ?? ""
        let name = slash.map { String(path[path.utf8.index(after: $0)...]) } ?? path
        if parent != folder {
            if descriptor >= 0 { close(descriptor) }
            // Not through a link put in place of the folder (or of the root: an output folder is never a link).
            descriptor = open(
                parent.isEmpty ? root : root + "/" + parent, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            folder = parent
        }
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return FileStamp(status)
    }
}
