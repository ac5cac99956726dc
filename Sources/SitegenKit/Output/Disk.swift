import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Every change the output writer makes to the file system, as plain POSIX calls that report `FileError`s. One
/// value is shared by a build; tests give it a `fault` to fail any single step, the way a full disk, a read-only
/// file or a crash would.
struct Disk: Sendable {
    /// One step the writer is about to take, as a fault sees it.
    struct Step: Sendable, CustomStringConvertible {
        /// What the step does: "write", "link", "copy", "create the folder", "rename", "swap", "remove", "lock".
        var action: String
        /// The path it changes.
        var path: String

        var description: String { "\(action) \(path)" }
    }

    /// Called before every step; throwing from it makes that step fail as if the system had refused it.
    var fault: (@Sendable (Step) throws(FileError) -> Void)?
    /// Whether to try the atomic exchange of two folders; false takes the two-rename path, as on file systems that
    /// have no exchange.
    var exchanges = true

    /// The disk as it is.
    static let live = Disk()

    private func check(_ action: String, _ path: String) throws(FileError) {
        try fault?(Step(action: action, path: path))
    }

    /// Creates the folder at `path`; succeeds when it is there already.
    func createFolder(_ path: String) throws(FileError) {
        try check("create the folder", path)
        if mkdir(path, 0o755) != 0 {
            let error = FileError.current("create the folder", path)
            guard error.code == EEXIST, Self.kind(of: path) == .folder else { throw error }
        }
    }

    /// Creates the folder at `path` and any missing folders above it.
    func createFolders(_ path: String) throws(FileError) {
        if Self.kind(of: path) == .folder { return }
        if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), slash != path.utf8.startIndex {
            try createFolders(String(path[..<slash]))
        }
        try createFolder(path)
    }

    /// Writes `bytes` to a new or truncated file at `path`; with `exclusive`, fails rather than touch an existing one.
    /// Gives the new file's stamp, taken from the open file once written (nil when that fails): a build stamps
    /// every page it writes, and this spares looking each path up again to do so.
    @discardableResult
    func write(
        _ bytes: some ContiguousBytes, to path: String, exclusive: Bool = false
    ) throws(FileError) -> FileStamp? {
        try check("write", path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (exclusive ? O_EXCL : O_TRUNC), 0o644)
        guard descriptor >= 0 else { throw FileError.current("write", path) }
        defer { close(descriptor) }
        try Self.writeAll(bytes, to: descriptor, path: path)
        var status = stat()
        return fstat(descriptor, &status) == 0 ? FileStamp(status) : nil
    }

    /// Writes a new or truncated file at `path` from what `produce` hands to the function it is given, piece by
    /// piece, so a large file (a big site's build record) is never held whole; with `exclusive`, fails rather
    /// than touch an existing one.
    func write(
        to path: String, exclusive: Bool = false,
        _ produce: (_ write: (borrowing [UInt8]) throws(FileError) -> Void) throws(FileError) -> Void
    ) throws(FileError) {
        try check("write", path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (exclusive ? O_EXCL : O_TRUNC), 0o644)
        guard descriptor >= 0 else { throw FileError.current("write", path) }
        defer { close(descriptor) }
        try produce { (bytes: borrowing [UInt8]) throws(FileError) in
            try Self.writeAll(bytes, to: descriptor, path: path)
        }
    }

    private static func writeAll(_ bytes: some ContiguousBytes, to descriptor: Int32, path: String) throws(FileError) {
        // withUnsafeBytes rethrows untyped errors, so the typed one comes out as a value.
        let failure = bytes.withUnsafeBytes { buffer -> FileError? in
            do throws(FileError) {
                try writeAll(buffer, to: descriptor, path: path)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// Makes `target` a second name (hard link) of the entry at `source`; a symbolic link is linked, not followed.
    func link(_ source: String, to target: String) throws(FileError) {
        try check("link", target)
        guard linkat(AT_FDCWD, source, AT_FDCWD, target, 0) == 0 else { throw FileError.current("link", target) }
    }

    /// Copies the regular file at `source` to a new file at `target`, a block at a time, so a large file never sits
    /// in memory whole; with `preservingMetadata`, its permission bits and times too.
    func copy(_ source: String, to target: String, preservingMetadata: Bool = false) throws(FileError) {
        try check("copy", target)
        let input = open(source, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard input >= 0 else { throw FileError.current("read", source) }
        defer { close(input) }
        guard Self.isRegular(input) else { throw FileError(action: "copy", path: source, code: EINVAL) }
        let output = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw FileError.current("write", target) }
        defer { close(output) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: FileBytes.blockSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(input, buffer.baseAddress!, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError.current("read", source)
            }
            if count == 0 { break }
            try Self.writeAll(UnsafeRawBufferPointer(rebasing: buffer[..<count]), to: output, path: target)
        }
        guard preservingMetadata else { return }
        // A file of the author's carried over as a copy keeps its permissions and times (a 0600 file must not
        // become world-readable in the published site).
        var status = stat()
        guard fstat(input, &status) == 0, fchmod(output, status.st_mode & 0o7777) == 0 else {
            throw FileError.current("copy the permissions of", source)
        }
        var times = [status.st_atim, status.st_mtim]
        guard futimens(output, &times) == 0 else { throw FileError.current("copy the times of", source) }
    }

    /// Renames `source` to `target`.
    func rename(_ source: String, to target: String) throws(FileError) {
        try check("rename", source)
        #if canImport(Glibc)
            let result = Glibc.rename(source, target)
        #else
            let result = Darwin.rename(source, target)
        #endif
        guard result == 0 else { throw FileError.current("rename", source) }
    }

    /// Renames the file at `source` over the regular file at `relative` (a `/`-separated path) under the folder
    /// `root`, in one step. Each folder on the way is opened from the one above it without following a symbolic
    /// link, and the file replaced must be a regular file: a folder swapped for a link never leads the rename out
    /// of `root`. Fails, changing nothing, otherwise.
    func replace(_ source: String, under root: String, at relative: String) throws(FileError) {
        let target = root + "/" + relative
        try check("rename", source)
        var parts = relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let name = parts.removeLast()
        var folder = open(root, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0 else { throw FileError.current("rename", target) }
        defer { close(folder) }
        for part in parts {
            let child = openat(folder, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard child >= 0 else { throw FileError.current("rename", target) }
            close(folder)
            folder = child
        }
        var status = stat()
        guard fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else {
            throw FileError.current("rename", target)
        }
        guard status.st_mode & S_IFMT == S_IFREG else { throw FileError(action: "rename", path: target, code: EISDIR) }
        guard renameat(AT_FDCWD, source, folder, name) == 0 else { throw FileError.current("rename", target) }
    }

    /// Swaps the two folders `first` and `second` in one step, so that at no moment is either name missing. Returns
    /// false, changing nothing, when the file system cannot do that (or `exchanges` is off).
    func exchange(_ first: String, _ second: String) throws(FileError) -> Bool {
        guard exchanges else { return false }
        try check("swap", second)
        #if os(Linux)
            guard let renameat2 = Self.renameat2 else { return false }
            // RENAME_EXCHANGE, from <linux/fs.h>.
            let result = renameat2(AT_FDCWD, first, AT_FDCWD, second, 2)
        #elseif canImport(Darwin)
            let result = renamex_np(first, second, UInt32(RENAME_SWAP))
        #else
            return false
        #endif
        if result == 0 { return true }
        let error = FileError.current("swap", second)
        // Not supported by this kernel or file system: the caller falls back to two renames.
        if [EINVAL, ENOSYS, ENOTSUP, EOPNOTSUPP].contains(error.code) { return false }
        throw error
    }

    #if os(Linux)
        private typealias Renameat2 =
            @convention(c) (
                Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32
            ) -> Int32
        /// glibc has had renameat2 since 2.28, but Swift's Glibc module does not declare it (it needs _GNU_SOURCE).
        private static let renameat2: Renameat2? = dlsym(
            UnsafeMutableRawPointer(bitPattern: 0), "renameat2"
        ).map { unsafeBitCast($0, to: Renameat2.self) }
    #endif

    /// Removes the entry at `path`: a file, a link, or an empty folder.
    func remove(_ path: String) throws(FileError) {
        try check("remove", path)
        let isFolder = Self.kind(of: path) == .folder
        guard (isFolder ? rmdir(path) : unlink(path)) == 0 else { throw FileError.current("remove", path) }
    }

    /// Removes `path` and everything below it; links are removed, never followed. The entries named in `last`
    /// (at the top of `path`) go after everything else, so that a removal that fails part-way keeps them.
    func removeTree(_ path: String, last: Set<String> = []) throws(FileError) {
        if Self.kind(of: path) == .folder { try removeContents(of: path, last: last) }
        try remove(path)
    }

    /// Empties the folder at `path`, going by what the listing says each entry is: a large site's old copy holds
    /// tens of thousands of files, and looking at each again before removing it doubled the system calls. Each
    /// folder is opened from the one above it without following a symbolic link, and entries are removed by name
    /// from their open folder, so a folder swapped for a link while the removal runs stops it rather than leads
    /// it into someone else's files.
    private func removeContents(of path: String, last: Set<String>) throws(FileError) {
        let folder = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0 else { throw FileError.current("read the folder", path) }
        defer { close(folder) }
        try removeContents(folder, path: path, last: last)
    }

    private func removeContents(_ folder: Int32, path: String, last: Set<String>) throws(FileError) {
        // fdopendir takes the descriptor it is given, so the listing gets a copy of its own.
        let listed = dup(folder)
        guard listed >= 0 else { throw FileError.current("read the folder", path) }
        let entries = try Self.entries(of: fdopendir(listed), descriptor: listed, path: path)
        for goesLast in [false, true] {
            for entry in entries where last.contains(entry.name) == goesLast {
                let full = path + "/" + entry.name
                if entry.kind == .folder {
                    let child = openat(folder, entry.name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                    guard child >= 0 else { throw FileError.current("read the folder", full) }
                    defer { close(child) }
                    try removeContents(child, path: full, last: [])
                }
                try check("remove", full)
                guard unlinkat(folder, entry.name, entry.kind == .folder ? AT_REMOVEDIR : 0) == 0 else {
                    throw FileError.current("remove", full)
                }
            }
        }
    }

    /// Opens (creating it if needed) the lock file at `path` and takes an exclusive lock on it, calling `waiting`
    /// first if another process holds it. The lock lasts until the returned descriptor is closed, or the process
    /// ends, however it ends.
    func lock(_ path: String, waiting: () -> Void) throws(FileError) -> Int32 {
        try check("lock", path)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else { throw FileError.current("create the lock file", path) }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                defer { close(descriptor) }
                throw FileError.current("lock", path)
            }
            waiting()
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    defer { close(descriptor) }
                    throw FileError.current("lock", path)
                }
            }
        }
        return descriptor
    }

    // MARK: Reading, which needs no faults

    /// What an entry is, without following a symbolic link.
    enum Kind: Sendable, Equatable {
        case missing, folder, file, link, other
    }

    /// What the entry at `path` is.
    static func kind(of path: String) -> Kind {
        kind(of: path, in: AT_FDCWD)
    }

    /// What the entry `name` of the open folder `descriptor` is, without following a symbolic link.
    private static func kind(of name: String, in descriptor: Int32) -> Kind {
        var status = stat()
        guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return .missing }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        case S_IFLNK: return .link
        default: return .other
        }
    }

    /// The names in the folder at `path`, without `.` and `..`.
    static func names(in path: String) throws(FileError) -> [String] {
        try entries(in: path).map(\.name)
    }

    /// The name in a `readdir` entry, in place, up to its NUL. The record can be shorter than `dirent`, so copying
    /// the whole `d_name` array would read past its end (AddressSanitizer caught that copy).
    static func name(of entry: UnsafePointer<dirent>) -> UnsafePointer<CChar> {
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        return UnsafeRawPointer(entry).advanced(by: offset).assumingMemoryBound(to: CChar.self)
    }

    /// The entries of the folder at `path` with what each is, without `.` and `..`. Fails when the folder cannot
    /// be read, or holds a name that is not valid UTF-8 (which a `String` path could not name again): a caller
    /// that carries a folder over must never take an unreadable one for an empty one.
    static func entries(in path: String) throws(FileError) -> [(name: String, kind: Kind)] {
        try entries(of: opendir(path), descriptor: nil, path: path)
    }

    /// The entries of an opened folder (`opendir` or `fdopendir`; nil when that failed), which this closes.
    /// With the folder's `descriptor`, an entry whose type the listing leaves unknown is looked at from it.
    private static func entries(
        of opened: OpaquePointer?, descriptor: Int32?, path: String
    ) throws(FileError) -> [(name: String, kind: Kind)] {
        guard let folder = opened else {
            if let descriptor { close(descriptor) }
            throw FileError.current("read the folder", path)
        }
        defer { closedir(folder) }
        var result: [(name: String, kind: Kind)] = []
        while true {
            errno = 0
            guard let entry = readdir(folder) else {
                if errno != 0 { throw FileError.current("read the folder", path) }
                return result
            }
            let decoded = String(validatingCString: Self.name(of: entry))
            guard let name = decoded else { throw FileError(action: "read the folder", path: path, code: EILSEQ) }
            if name == "." || name == ".." { continue }
            // readdir's entry type spares a stat per entry; some file systems leave it unknown.
            let kind: Kind =
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_DIR): .folder
                case Int32(DT_REG): .file
                case Int32(DT_LNK): .link
                case Int32(DT_UNKNOWN):
                    descriptor.map { Self.kind(of: name, in: $0) } ?? Self.kind(of: path + "/" + name)
                default: .other
                }
            result.append((name, kind))
        }
    }

    /// Whether the entries at `first` and `second` are the same thing: one file under two names, files with the
    /// same bytes and permissions, or links with the same target.
    static func same(_ first: String, _ second: String) -> Bool {
        var a = stat()
        var b = stat()
        guard lstat(first, &a) == 0, lstat(second, &b) == 0, a.st_mode & S_IFMT == b.st_mode & S_IFMT else {
            return false
        }
        if a.st_dev == b.st_dev && a.st_ino == b.st_ino { return true }
        switch a.st_mode & S_IFMT {
        case S_IFREG:
            return a.st_mode == b.st_mode && a.st_size == b.st_size
                && FileBytes.sameBytes(atPath: first, atPath: second)
        case S_IFLNK: return linkTarget(first) != nil && linkTarget(first) == linkTarget(second)
        case S_IFDIR: return true
        default: return false
        }
    }

    private static func linkTarget(_ path: String) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = buffer.withUnsafeMutableBytes {
            readlink(path, $0.baseAddress!.assumingMemoryBound(to: CChar.self), $0.count)
        }
        return count < 0 ? nil : Array(buffer[..<count])
    }

    static func isRegular(_ descriptor: Int32) -> Bool {
        var status = stat()
        return fstat(descriptor, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    private static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32, path: String)
        throws(FileError)
    {
        var offset = 0
        while offset < buffer.count {
            #if canImport(Glibc)
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            #else
                let written = Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            #endif
            if written < 0 {
                if errno == EINTR { continue }
                throw FileError.current("write", path)
            }
            offset += written
        }
    }
}
