import Foundation

/// Plain file reads and writes, without the extra work Foundation's `Data.write` does. Every file sitegen writes
/// goes through here.
enum FileBytes {
    /// Writes `data` to the file at `url`; with `replacing` false, fails rather than touch an existing file.
    static func write(_ data: Data, to url: URL, replacing: Bool = true) throws {
        try write(data, toPath: url.path, replacing: replacing)
    }

    /// `write(_:to:replacing:)` for a file path, for callers that never need a URL.
    static func write(_ data: Data, toPath path: String, replacing: Bool = true) throws {
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

    /// Whether the file at `url` holds exactly `contents`; false when it cannot be read.
    static func equal(_ url: URL, _ contents: OutputFile.Contents) -> Bool {
        guard let existing = try? Data(contentsOf: url, options: .uncached) else { return false }
        switch contents {
        case .data(let data): return existing == data
        case .copy(let source): return (try? Data(contentsOf: source, options: .uncached)) == existing
        }
    }
}
