import Crypto
import Foundation

/// What the last good build into an output folder read and wrote, so the next one can leave alone what has not
/// changed. It is kept beside the output folder (`.output.sitegen-record` for `output/`), never inside it, so no
/// host publishes it.
///
/// One fact a line, fields separated by tabs, each field percent-encoded where it holds `%`, a tab, a line break
/// or another control character. A record that does not read back whole (a newer format, a cut-off write, an edit
/// by hand) is ignored, and the build is a full one.
struct BuildRecord: Sendable, Equatable {
    /// What one page's last render depended on.
    struct Page: Sendable, Equatable {
        /// The digest of everything its output depends on (see `RenderKey`).
        var key: String
        /// Its heading ids, for checking the links of other pages into it.
        var anchors: HeadingIDs
        /// The pages its links with a `#fragment` lead to: when one of them renders again, so does this page, so
        /// that its links are checked against the new headings.
        var linksTo: [String]
    }

    /// What the first line starts with, in every format.
    static let formatName = "sitegen build record"
    /// The first line; a record in any other format is not read.
    static let header = formatName + " 1"

    /// The sitegen that wrote it.
    var version: String
    /// The build settings that shape the output (`BuildOptions.recordedSettings`).
    var settings: String
    /// Every file the build read from `content/` and the theme, by path from the project folder, with its stamp:
    /// nil for one changed too recently to trust its stamp (see `FileStamp.isRacy`).
    var inputs: [String: FileStamp?]
    /// Each page's last render, by source path under `content/`.
    var pages: [String: Page]
    /// Every file written to the output folder, by its path there, with its stamp (status-change time left out,
    /// since carrying a file over to the next build links it) and, for one written too recently for its stamp to
    /// be trusted alone, the digest of its bytes; nil for one that could not be read.
    var outputs: [String: OutputStamp?]

    /// How a build recognizes a file it wrote.
    struct OutputStamp: Sendable, Equatable {
        var stamp: FileStamp
        /// The SHA-256 of its bytes, in hex, when the stamp alone cannot be trusted.
        var digest: String?
    }
    /// The build's warnings and notes, given again when the next build finds nothing to do.
    var warnings: [Diagnostic]
    var notes: [String]

    /// The record's text.
    func text() -> String {
        var lines = [Self.header, Self.line("version", version), Self.line("settings", settings)]
        func stamp(_ value: FileStamp??) -> String { (value ?? nil)?.text ?? "-" }
        for path in inputs.keys.sorted() { lines.append(Self.line("input", path, stamp(inputs[path]))) }
        for source in pages.keys.sorted() {
            let page = pages[source]!
            lines.append(
                Self.line("page", source, page.key, page.anchors.text, page.linksTo.joined(separator: "\n")))
        }
        for path in outputs.keys.sorted() {
            let output = outputs[path] ?? nil
            lines.append(Self.line("output", path, output?.stamp.text ?? "-", output?.digest ?? "-"))
        }
        for warning in warnings {
            lines.append(
                Self.line(
                    "warning", warning.severity.rawValue, warning.location.file, String(warning.location.line),
                    String(warning.location.column), warning.message, warning.hint.map { "+" + $0 } ?? "-",
                    warning.sourceLine.map { "+" + $0 } ?? "-"))
        }
        for note in notes { lines.append(Self.line("note", note)) }
        // The count last: a record cut off anywhere before it does not read back.
        lines.append(Self.line("end", String(lines.count)))
        return lines.map { $0 + "\n" }.joined()
    }

    /// Reads a record's text; nil unless it is whole and in this format.
    init?(text bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self), text.hasSuffix("\n") else { return nil }
        let lines = text.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == Substring(Self.header), lines.count >= 2,
            let end = Self.fields(lines[lines.count - 1]), end.count == 2, end[0] == "end",
            Int(end[1]) == lines.count - 1
        else { return nil }
        var version: String?
        var settings: String?
        var inputs: [String: FileStamp?] = [:]
        var pages: [String: Page] = [:]
        var outputs: [String: OutputStamp?] = [:]
        var warnings: [Diagnostic] = []
        var notes: [String] = []
        func stamp(_ text: String) -> FileStamp?? {
            text == "-" ? .some(nil) : FileStamp(text: Substring(text)).map { .some($0) }
        }
        for line in lines.dropFirst().dropLast() {
            guard let fields = Self.fields(line), let kind = fields.first else { return nil }
            switch (kind, fields.count) {
            case ("version", 2): version = fields[1]
            case ("settings", 2): settings = fields[1]
            case ("input", 3):
                guard let value = stamp(fields[2]) else { return nil }
                inputs[fields[1]] = value
            case ("page", 5):
                pages[fields[1]] = Page(
                    key: fields[2], anchors: HeadingIDs(text: fields[3]),
                    linksTo: fields[4].isEmpty ? [] : fields[4].components(separatedBy: "\n"))
            case ("output", 4):
                guard let value = stamp(fields[2]) else { return nil }
                outputs[fields[1]] = value.map { OutputStamp(stamp: $0, digest: fields[3] == "-" ? nil : fields[3]) }
            case ("warning", 8):
                guard let severity = Diagnostic.Severity(rawValue: fields[1]), let line = Int(fields[3]),
                    let column = Int(fields[4])
                else { return nil }
                func optional(_ field: String) -> String? { field.hasPrefix("+") ? String(field.dropFirst()) : nil }
                warnings.append(
                    Diagnostic(
                        SourceLocation(file: fields[2], line: line, column: column), fields[5],
                        hint: optional(fields[6]), sourceLine: optional(fields[7]), severity: severity))
            case ("note", 2): notes.append(fields[1])
            default: return nil
            }
        }
        guard let version, let settings else { return nil }
        self.init(
            version: version, settings: settings, inputs: inputs, pages: pages, outputs: outputs, warnings: warnings,
            notes: notes)
    }

    init(
        version: String, settings: String, inputs: [String: FileStamp?], pages: [String: Page],
        outputs: [String: OutputStamp?], warnings: [Diagnostic], notes: [String]
    ) {
        self.version = version
        self.settings = settings
        self.inputs = inputs
        self.pages = pages
        self.outputs = outputs
        self.warnings = warnings
        self.notes = notes
    }

    private static func line(_ fields: String...) -> String {
        fields.map(escape).joined(separator: "\t")
    }

    private static func fields(_ line: Substring) -> [String]? {
        var result: [String] = []
        for field in line.split(separator: "\t", omittingEmptySubsequences: false) {
            guard let text = unescape(field) else { return nil }
            result.append(text)
        }
        return result
    }

    /// `%`, tab, line breaks and other control characters as `%XX`; everything else as it is.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x25 || $0 == 0x7F }) else { return text }
        var bytes: [UInt8] = []
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x25 || byte == 0x7F {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text `escape` made `field` from; nil when an escape is malformed.
    static func unescape(_ field: Substring) -> String? {
        guard field.utf8.contains(UInt8(ascii: "%")) else { return String(field) }
        var bytes: [UInt8] = []
        var iterator = field.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension BuildRecord.OutputStamp {
    /// The stamp of the file at `path` as a build leaves it at time `now`; with the digest of its bytes when it
    /// was written so recently that a change in the same clock tick would not show in its stamp.
    static func of(_ path: String, now: Int64) -> Self? {
        guard let stamp = FileStamp.of(path)?.ignoringStatusChange else { return nil }
        guard stamp.modified >= now - FileStamp.racyMargin else { return Self(stamp: stamp) }
        guard let digest = Self.digest(atPath: path) else { return nil }
        return Self(stamp: stamp, digest: digest)
    }

    /// Whether the file at `path` is still the one this describes.
    func matches(_ path: String) -> Bool {
        guard FileStamp.of(path)?.ignoringStatusChange == stamp else { return false }
        return digest.map { $0 == Self.digest(atPath: path) } ?? true
    }

    private static func digest(atPath path: String) -> String? {
        FileBytes.read(atPath: path).map { SHA256.hash(data: $0).map { String(format: "%02x", $0) }.joined() }
    }
}
