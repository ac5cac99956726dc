import Foundation

/// Plain file reads and writes, without the extra work Foundation's `Data.write` and `FileManager.contents` do.
/// Every file sitegen writes goes through here, and every page it reads.
enum FileBytes {
    /// Writes `data` to the file at `url`; with `replacing` false, fails rather than touch an existing file.
    static func write(_ data: some ContiguousBytes, to url: URL, replacing: Bool = true) throws {
        try write(data, toPath: url.path, replacing: replacing)
    }

    /// `write(_:to:replacing:)` for a file path, for callers that never need a URL.
    static func write(_ data: some ContiguousBytes, toPath path: String, replacing: Bool = true) throws {
        let mode = replacing ? O_TRUNC : O_EXCL
        let descriptor = open(path, O_WRONLY | O_CREAT | mode | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
                }
                offset += written
            }
        }
    }

    /// The bytes of the file at `path`, read with one open, one fstat and as few reads as its size allows; nil
    /// when it cannot be opened or read (a folder, say).
    static func read(atPath path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        // A regular file is read to its size (as FileManager does); anything else until end of file.
        let size = Int(status.st_size)
        let isRegular = status.st_mode & S_IFMT == S_IFREG
        var bytes = [UInt8](repeating: 0, count: isRegular ? size : 4096)
        var count = 0
        while !isRegular || count < size {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let read = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if read < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if read == 0 { break }
            count += read
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// Whether the file at `path` holds exactly `contents`; false when it cannot be read.
    static func equal(atPath path: String, _ contents: OutputFile.Contents) -> Bool {
        guard let existing = read(atPath: path) else { return false }
        switch contents {
        case .bytes(let bytes): return bytes == existing
        case .copy(let source): return read(atPath: source.path) == existing
        }
    }
}
