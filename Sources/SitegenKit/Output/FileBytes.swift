import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Plain file reads and comparisons, without the extra work Foundation's `Data(contentsOf:)` and
/// `FileManager.contents` do. Every page is read through here; writes go through `Disk`.
enum FileBytes {
    /// How much a streaming copy or comparison holds in memory per file.
    static let blockSize = 1 << 20

    /// The bytes of the regular file at `path`, read with one open, one fstat and as few reads as its size allows;
    /// nil when it cannot be opened or read, or is not a regular file (a folder, a FIFO, a device: opening is
    /// non-blocking, so a FIFO with no writer never hangs the build).
    static func read(atPath path: String) -> [UInt8]? {
        guard case .bytes(let bytes) = read(atPath: path, atMost: .max) else { return nil }
        return bytes
    }

    /// What `read(atPath:atMost:)` found.
    enum Read {
        case bytes([UInt8])
        /// A regular file of `size` bytes, over the limit: left unread.
        case tooLarge(size: Int)
        /// Missing, unreadable or not a regular file.
        case unreadable
    }

    /// `read(atPath:)` for a file of at most `limit` bytes: the size comes from the open file's own fstat, so a
    /// limit costs no second lookup of the path.
    static func read(atPath path: String, atMost limit: Int) -> Read {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .unreadable }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return .unreadable }
        let size = Int(status.st_size)
        guard size <= limit else { return .tooLarge(size: size) }
        var failed = false
        // Read straight into the array's storage: zeroing it first is a visible cost for a megabytes-long record.
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            // A file that grows while it is read is read to the size it had; one that shrinks, to its end.
            while initialized < size {
                let read = readSome(descriptor, buffer.baseAddress! + initialized, size - initialized)
                if read < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    return
                }
                if read == 0 { break }
                initialized += read
            }
        }
        return failed ? .unreadable : .bytes(bytes)
    }

    /// Whether the file at `path` holds exactly `contents`, compared a block at a time; false when it cannot be
    /// read.
    static func equal(atPath path: String, _ contents: OutputFile.Contents) -> Bool {
        switch contents {
        case .bytes(let bytes):
            return bytes.withUnsafeBytes { expected in
                withRegularFile(path) { descriptor, size in
                    size == expected.count
                        && sameBlocks(descriptor, size: size) { offset, count in
                            UnsafeRawBufferPointer(rebasing: expected[offset..<offset + count])
                        }
                } ?? false
            }
        case .copy(let source):
            return sameBytes(atPath: path, atPath: source.path)
        case .previous(let source, _):
            // The last build's own copy is checked against the record where it is carried over (see
            // `OutputStaging.write`); anything else is compared.
            return source == path || sameBytes(atPath: path, atPath: source)
        }
    }

    /// Whether two regular files hold the same bytes, compared a block at a time.
    static func sameBytes(atPath first: String, atPath second: String) -> Bool {
        withRegularFile(first) { a, sizeA in
            withRegularFile(second) { b, sizeB in
                guard sizeA == sizeB else { return false }
                let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 16)
                defer { buffer.deallocate() }
                return sameBlocks(a, size: sizeA) { _, count in
                    readFully(b, into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<count]))
                        ? UnsafeRawBufferPointer(rebasing: buffer[..<count]) : nil
                }
            } ?? false
        } ?? false
    }

    /// Whether the regular file at `path` begins with `prefix`, reading no more of it than that.
    static func starts(atPath path: String, with prefix: [UInt8]) -> Bool {
        withRegularFile(path) { descriptor, size in
            guard size >= prefix.count else { return false }
            var head = [UInt8](repeating: 0, count: prefix.count)
            return head.withUnsafeMutableBytes { readFully(descriptor, into: $0) } && head == prefix
        } ?? false
    }

    /// Runs `body` with the open file at `path` and its size; nil when it is not a readable regular file.
    private static func withRegularFile<T>(_ path: String, _ body: (Int32, Int) -> T) -> T? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return body(descriptor, Int(status.st_size))
    }

    /// Reads `descriptor` a block at a time and compares each block with what `other(offset, count)` gives.
    private static func sameBlocks(
        _ descriptor: Int32, size: Int, other: (_ offset: Int, _ count: Int) -> UnsafeRawBufferPointer?
    ) -> Bool {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: min(blockSize, max(size, 1)), alignment: 16)
        defer { buffer.deallocate() }
        var offset = 0
        while offset < size {
            let count = min(buffer.count, size - offset)
            let block = UnsafeMutableRawBufferPointer(rebasing: buffer[..<count])
            guard readFully(descriptor, into: block), let expected = other(offset, count),
                memcmp(block.baseAddress!, expected.baseAddress!, count) == 0
            else { return false }
            offset += count
        }
        return true
    }

    /// Fills `buffer` from `descriptor`; false at an error or an early end of file.
    private static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
        var count = 0
        while count < buffer.count {
            let read = readSome(descriptor, buffer.baseAddress! + count, buffer.count - count)
            if read < 0 && errno == EINTR { continue }
            if read <= 0 { return false }
            count += read
        }
        return true
    }

    private static func readSome(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.read(descriptor, buffer, count)
        #else
            Darwin.read(descriptor, buffer, count)
        #endif
    }
}
