import Foundation

/// A text file read from the project, kept with the path that diagnostics print.
public struct SourceFile: Sendable {
    /// Path shown to the author, relative to the project root (for example `content/guide.md`).
    public var displayPath: String
    /// The file's text.
    public var text: String

    /// Creates a source file from text already in memory.
    public init(displayPath: String, text: String) {
        self.displayPath = displayPath
        self.text = text
    }

    /// Reads a UTF-8 file, reporting a missing or undecodable file as a diagnostic on that file.
    public static func read(_ url: URL, displayPath: String) throws(Diagnostic) -> SourceFile {
        try read(atPath: url.path, displayPath: displayPath)
    }

    /// `read(_:displayPath:)` for a file path. Every page is read through here, once or twice a build: plain POSIX
    /// reads spare FileManager's extra stat and copies.
    static func read(atPath path: String, displayPath: String) throws(Diagnostic) -> SourceFile {
        guard let bytes = FileBytes.read(atPath: path) else {
            throw Diagnostic(
                SourceLocation(file: displayPath), "cannot read this file", hint: "check that it exists and is readable"
            )
        }
        // Validating from a contiguous buffer takes the standard library's fast path.
        let text = bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
        guard let text else {
            throw Diagnostic(
                SourceLocation(file: displayPath), "this file is not valid UTF-8", hint: "save it as UTF-8")
        }
        // Windows line endings would otherwise hide every line break from Swift's grapheme-based splitting.
        let hasCarriageReturn = bytes.withUnsafeBytes { $0.count > 0 && memchr($0.baseAddress!, 0x0D, $0.count) != nil }
        guard hasCarriageReturn else { return SourceFile(displayPath: displayPath, text: text) }
        return SourceFile(displayPath: displayPath, text: text.replacingOccurrences(of: "\r\n", with: "\n"))
    }

    /// The text of 1-based line `number`, without its line ending.
    public func line(_ number: Int) -> String? {
        guard number > 0 else { return nil }
        var current = 1
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == number { return String(line.trimmingSuffix("\r")) }
            current += 1
        }
        return nil
    }

    /// A diagnostic at a position in this file, quoting the line it points at.
    public func diagnostic(
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
