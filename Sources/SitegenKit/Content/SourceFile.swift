import Foundation

/// A text file read from the project, kept with the path that diagnostics print.
struct SourceFile: Sendable {
    /// Path shown to the author, relative to the project root (for example `content/guide.md`).
    var displayPath: String
    /// The file's text.
    var text: String

    /// Creates a source file from text already in memory.
    init(displayPath: String, text: String) {
        self.displayPath = displayPath
        self.text = text
    }

    /// Reads a UTF-8 file, reporting a missing or undecodable file as a diagnostic on that file.
    static func read(_ url: URL, displayPath: String) throws(SitegenError) -> SourceFile {
        try read(atPath: url.path, displayPath: displayPath)
    }

    /// `read(_:displayPath:)` for a file path. Every page is read through here, once or twice a build: plain POSIX
    /// reads spare FileManager's extra stat and copies.
    static func read(atPath path: String, displayPath: String) throws(SitegenError) -> SourceFile {
        let read = FileBytes.read(atPath: path, atMost: maxBytes)
        if case .tooLarge(let size) = read {
            throw SitegenError(
                Diagnostic(
                    SourceLocation(file: displayPath),
                    "this file is \(size >> 20) MiB, over the \(maxBytes >> 20) MiB sitegen reads as one page or setting",
                    hint: "split it into several pages; files to publish as they are (not .md) have no such limit"))
        }
        guard case .bytes(let bytes) = read else {
            let what =
                switch Disk.kind(of: path) {
                case .missing: "this file does not exist (any more)"
                case .folder: "this is a folder, not a file"
                case .other, .link: "this is not a regular file (a FIFO, socket or device?)"
                case .file: "cannot read this file"
                }
            throw SitegenError(
                Diagnostic(SourceLocation(file: displayPath), what, hint: "check that it exists and is readable"))
        }
        return try decode(bytes, displayPath: displayPath)
    }

    /// The largest text file sitegen reads: far beyond any page a person writes (a long book chapter is under
    /// 1 MiB), while a page's rendering takes several times its size in memory, on every core at once.
    static let maxBytes = 16 << 20

    /// The text of a file's bytes: UTF-8, with a leading byte-order mark dropped (as editors on Windows write one)
    /// and Windows line endings made Unix ones. Invalid UTF-8 and control characters other than tab, line feed,
    /// form feed and carriage return are errors at their line and column: a NUL would cut the page short where
    /// libcmark reads it, and the others reach readers as invisible junk.
    static func decode(_ bytes: [UInt8], displayPath: String) throws(SitegenError) -> SourceFile {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // Validating from a contiguous buffer takes the standard library's fast path.
        let decoded = bytes.withUnsafeBufferPointer {
            String(validating: UnsafeBufferPointer(rebasing: $0[start...]), as: UTF8.self)
        }
        guard let text = decoded else {
            let offset = Self.firstInvalidUTF8(in: bytes, from: start)
            let (line, column) = Self.position(ofByte: offset, in: bytes, from: start)
            throw SitegenError(
                Diagnostic(
                    SourceLocation(file: displayPath, line: line, column: column),
                    "this file is not valid UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) at line \(line), column \(column))",
                    hint: "save it as UTF-8 (in most editors: Save with Encoding, UTF-8)"))
        }
        if let offset = Self.firstForbiddenControl(in: bytes, from: start) {
            let (line, column) = Self.position(ofByte: offset, in: bytes, from: start)
            let file = SourceFile(displayPath: displayPath, text: text)
            let name =
                bytes[offset] == 0
                ? "a NUL byte"
                : "the control character U+00\(String(bytes[offset], radix: 16, uppercase: true).leftPadded(2))"
            throw SitegenError(
                file.diagnostic(
                    line: line, column: column, "this file holds \(name), which no page should contain",
                    hint:
                        "delete it; it is invisible in most editors (try `grep -nP '[\\x00-\\x08\\x0B\\x0E-\\x1F\\x7F]'`)"
                ))
        }
        // Windows line endings would otherwise hide every line break from Swift's grapheme-based splitting.
        let hasCarriageReturn = bytes.withUnsafeBytes { $0.count > 0 && memchr($0.baseAddress!, 0x0D, $0.count) != nil }
        guard hasCarriageReturn else { return SourceFile(displayPath: displayPath, text: text) }
        return SourceFile(displayPath: displayPath, text: text.replacingOccurrences(of: "\r\n", with: "\n"))
    }

    /// The offset of the first control character other than tab, line feed, form feed and carriage return.
    ///
    /// Every page's every byte passes through here, so a block of 256 bytes is first asked whether it holds one at
    /// all (`containsByte`, vectorized), and only a block that does is searched byte by byte.
    private static func firstForbiddenControl(in bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { bytes in
            var offset = start
            while offset < bytes.count {
                let end = Swift.min(bytes.count, offset + 256)
                if UnsafeBufferPointer(rebasing: bytes[offset..<end]).containsByte(where: forbiddenBit) {
                    for index in offset..<end where forbiddenBit(bytes[index]) != 0 { return index }
                }
                offset = end
            }
            return nil
        }
    }

    /// 1 for a control character other than tab, line feed, form feed and carriage return, else 0, without a
    /// branch (see `containsByte`).
    @inline(__always)
    private static func forbiddenBit(_ byte: UInt8) -> UInt8 {
        let control: UInt8 =
            (byte < 0x20 ? 1 : 0) & (byte != 0x09 ? 1 : 0) & (byte != 0x0A ? 1 : 0) & (byte != 0x0C ? 1 : 0)
            & (byte != 0x0D ? 1 : 0)
        return control | (byte == 0x7F ? 1 : 0)
    }

    /// The offset of the first byte that does not begin a valid UTF-8 sequence.
    private static func firstInvalidUTF8(in bytes: [UInt8], from start: Int) -> Int {
        var iterator = bytes[start...].makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = start
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: return bytes.count - 1
            }
        }
    }

    /// The 1-based line and column (in characters) of the byte at `offset`.
    private static func position(ofByte offset: Int, in bytes: [UInt8], from start: Int) -> (line: Int, column: Int) {
        let before = bytes[start..<offset]
        let line = before.count(where: { $0 == 0x0A }) + 1
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? start
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1
        return (line, column)
    }

    /// The text of 1-based line `number`, without its line ending.
    func line(_ number: Int) -> String? {
        guard number > 0 else { return nil }
        var current = 1
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == number { return String(line.trimmingSuffix("\r")) }
            current += 1
        }
        return nil
    }

    /// A diagnostic at a position in this file, quoting the line it points at.
    func diagnostic(
        line: Int, column: Int, _ message: String, hint: String? = nil, severity: Diagnostic.Severity = .error
    ) -> Diagnostic {
        Diagnostic(
            SourceLocation(file: displayPath, line: line, column: column),
            message,
            hint: hint,
            sourceLine: line > 0 ? self.line(line) : nil,
            severity: severity
        )
    }
}

extension Substring {
    fileprivate func trimmingSuffix(_ suffix: String) -> Substring {
        hasSuffix(suffix) ? dropLast(suffix.count) : self
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
