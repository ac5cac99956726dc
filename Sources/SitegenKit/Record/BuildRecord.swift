import Crypto
import Foundation

/// What the last good build into an output folder read and wrote, so the next one can leave alone what has not
/// changed. It is kept beside the output folder (`.output.sitegen-record` for `output/`), never inside it, so no
/// host publishes it.
///
/// One fact a line, fields separated by tabs, each field percent-encoded where it holds `%`, a tab, a line break
/// or another control character. A record that does not read back whole (a newer format, a cut-off write, an edit
/// by hand) is ignored, and the build is a full one.
struct BuildRecord: Sendable {
    /// What one page's last render depended on.
    /// A class, so the record's pages are shared rather than copied: a record holds one for every page, and a
    /// copy retains each of its many fields again (a record's dictionary of 100,000 such values held 61 MB).
    final class Page: Sendable {
        /// The digest of everything its output depends on (see `RenderKey`).
        let key: String
        /// Its heading ids, for checking the links of other pages into it.
        let anchors: HeadingIDs
        /// The pages its links with a `#fragment` lead to: when one of them renders again, so does this page, so
        /// that its links are checked against the new headings.
        let linksTo: [String]
        /// The stamp its source had, when it could be trusted.
        let stamp: FileStamp?
        /// Its front matter, for a page without feature data: while the source keeps `stamp`, a build takes the
        /// page's front matter from here instead of reading and parsing it.
        let meta: PageMeta?
        /// The line it was read from, line break included, for a build that carries the page over unchanged to
        /// copy rather than write again; empty for a page not read from a record.
        let line: [UInt8]

        init(
            key: String, anchors: HeadingIDs, linksTo: [String], stamp: FileStamp?, meta: PageMeta? = nil,
            line: [UInt8] = []
        ) {
            self.key = key
            self.anchors = anchors
            self.linksTo = linksTo
            self.stamp = stamp
            self.meta = meta
            self.line = line
        }
    }

    /// What the first line starts with, in every format.
    static let formatName = "sitegen build record"
    /// The first line; a record in any other format is not read.
    static let header = formatName + " 2"

    /// The sitegen that wrote it.
    var version: String
    /// The build settings that shape the output (`BuildOptions.recordedSettings`).
    var settings: String
    /// The part of every page's key that is the same for all of them (`RenderKeys.siteKey`); nil when something
    /// it depends on could not be trusted. Kept so that a build that renders only edited pages can key them
    /// without working out what every page shares.
    var siteKey: String?
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

    /// Writes the text of a record to `sink`, a megabyte at a time, so a large site's record is never held whole.
    /// The inputs, with their stamps (nil for one changed too recently to trust its stamp, see
    /// `FileStamp.isRacy`), come sorted by path, as `RenderKeys.stamps` gives them, and so do the outputs, as the
    /// staging lists them: the record is written in their order, with no sorting of its own.
    static func write<Failure: Error>(
        version: String, settings: String, siteKey: String?, inputs: [(path: String, stamp: FileStamp?)],
        pageLines: [[UInt8]],
        outputs: [(path: String, stamp: OutputStamp?)], warnings: [Diagnostic], notes: [String],
        to sink: (borrowing [UInt8]) throws(Failure) -> Void
    ) throws(Failure) {
        var out = Self.chunk()
        var lines = 0
        func flushIfFull() throws(Failure) { try Self.flush(&out, ifFullInto: sink) }
        func line(_ fields: String...) throws(Failure) {
            appendLine(fields, to: &out)
            lines += 1
            try flushIfFull()
        }
        try line(header)
        try line("version", version)
        try line("settings", settings)
        try line("site", siteKey ?? "-")
        for input in inputs {
            appendInput(input.path, input.stamp, to: &out)
            out.append(newline)
            lines += 1
            try flushIfFull()
        }
        for pageLine in pageLines {
            out += pageLine
            lines += 1
            try flushIfFull()
        }
        for output in outputs {
            appendOutput(output.path, output.stamp, to: &out)
            lines += 1
            try flushIfFull()
        }
        for warning in warnings {
            try line(
                "warning", warning.severity.rawValue, warning.location.file, String(warning.location.line),
                String(warning.location.column), warning.message, warning.hint.map { "+" + $0 } ?? "-",
                warning.sourceLine.map { "+" + $0 } ?? "-")
        }
        for note in notes { try line("note", note) }
        // The count last: a record cut off anywhere before it does not read back.
        try line("end", String(lines))
        try sink(out)
    }

    /// Reads a record's text; nil unless it is whole and in this format. It works on the bytes: a record holds a
    /// few lines for every file of the site, and splitting it as Swift strings (by grapheme) took most of the time
    /// of a build with nothing to do.
    /// With `frontMatterOnly`, for a build that can carry no page over, only what `knownPages` takes is kept of
    /// each page (its stamp and front matter), and no output.
    init?(text bytes: [UInt8], frontMatterOnly: Bool = false) {
        guard bytes.last == Self.newline else { return nil }
        var version: String?
        var settings: String?
        var siteKey: String??
        var warnings: [Diagnostic] = []
        var notes: [String] = []
        var count = 0
        var ended = false
        // The many page and output lines are read on every core once the rest has been read here.
        var pageLines: [Range<Int>] = []
        var outputLines: [Range<Int>] = []
        let parsed: (pages: [String: Page], outputs: [String: OutputStamp?])? = bytes.withUnsafeBufferPointer {
            buffer in
            for line in Self.lines(buffer) {
                guard !ended else { return nil }
                defer { count += 1 }
                let text = UnsafeBufferPointer(rebasing: buffer[line])
                if count > 0 {
                    // What a build with nothing to do compares (`upToDate`), not needed here but for its form.
                    if text.starts(with: Self.inputPrefix) {
                        guard text.count(where: { $0 == Self.tab }) == 2 else { return nil }
                        continue
                    }
                    if text.starts(with: Self.pagePrefix) {
                        pageLines.append(line)
                        continue
                    }
                    if text.starts(with: Self.outputPrefix) {
                        outputLines.append(line)
                        continue
                    }
                }
                guard let fields = Self.fields(of: text) else { return nil }
                if count == 0 {
                    guard fields == [Self.header] else { return nil }
                    continue
                }
                switch (fields[0], fields.count) {
                case ("version", 2): version = fields[1]
                case ("settings", 2): settings = fields[1]
                case ("site", 2): siteKey = .some(fields[1] == "-" ? nil : fields[1])
                case ("warning", 8):
                    guard let warning = Self.warning(fields) else { return nil }
                    warnings.append(warning)
                case ("note", 2): notes.append(fields[1])
                case ("end", 2):
                    guard Int(fields[1]) == count else { return nil }
                    ended = true
                default: return nil
                }
            }
            guard ended else { return nil }
            return Self.pagesAndOutputs(
                buffer, pageLines: pageLines, outputLines: frontMatterOnly ? [] : outputLines,
                frontMatterOnly: frontMatterOnly)
        }
        guard let parsed, let version, let settings, let siteKey else { return nil }
        self.init(
            version: version, settings: settings, siteKey: frontMatterOnly ? nil : siteKey, pages: parsed.pages,
            outputs: parsed.outputs,
            warnings: warnings,
            notes: notes)
    }

    /// The pages and outputs of a record's page and output lines (ranges of `buffer`), read on every core; nil
    /// when one does not read.
    private static func pagesAndOutputs(
        _ buffer: UnsafeBufferPointer<UInt8>, pageLines: [Range<Int>], outputLines: [Range<Int>],
        frontMatterOnly: Bool
    ) -> (pages: [String: Page], outputs: [String: OutputStamp?])? {
        enum Entry: Sendable {
            case page(String, Page)
            case output(String, OutputStamp?)
        }
        let shared = UncheckedSendable(buffer)
        let lines = pageLines.map { (true, $0) } + outputLines.map { (false, $0) }
        let chunk = 512
        var pages: [String: Page] = [:]
        pages.reserveCapacity(pageLines.count)
        var outputs: [String: OutputStamp?] = [:]
        outputs.reserveCapacity(outputLines.count)
        var valid = true
        Array(stride(from: 0, to: lines.count, by: chunk)).parallelMap { start -> [Entry]? in
            var entries: [Entry] = []
            entries.reserveCapacity(chunk)
            for (isPage, line) in lines[start..<min(start + chunk, lines.count)] {
                guard let fields = fields(of: UnsafeBufferPointer(rebasing: shared.value[line])) else { return nil }
                if isPage {
                    guard fields.count == 16,
                        let page = Self.page(
                            fields, line: frontMatterOnly ? [] : Array(shared.value[line.lowerBound...line.upperBound]))
                    else { return nil }
                    entries.append(
                        .page(
                            fields[1],
                            frontMatterOnly
                                ? Page(
                                    key: "", anchors: HeadingIDs([]), linksTo: [], stamp: page.stamp, meta: page.meta)
                                : page))
                } else {
                    guard fields.count == 4 else { return nil }
                    if fields[2] == "-" {
                        entries.append(.output(fields[1], nil))
                    } else {
                        guard let stamp = FileStamp(text: Substring(fields[2])) else { return nil }
                        entries.append(
                            .output(fields[1], OutputStamp(stamp: stamp, digest: fields[3] == "-" ? nil : fields[3])))
                    }
                }
            }
            return entries
        } each: { entries in
            guard let entries else {
                valid = false
                return
            }
            for entry in entries {
                switch entry {
                case .page(let source, let page): pages[source] = page
                case .output(let path, let stamp): outputs[path] = stamp
                }
            }
        }
        return valid ? (pages, outputs) : nil
    }

    init(
        version: String, settings: String, siteKey: String? = nil, pages: [String: Page],
        outputs: [String: OutputStamp?], warnings: [Diagnostic], notes: [String]
    ) {
        self.version = version
        self.settings = settings
        self.siteKey = siteKey
        self.pages = pages
        self.outputs = outputs
        self.warnings = warnings
        self.notes = notes
    }

    /// How much of a record is written at a time: a large site's record is tens of megabytes, never held whole.
    static let chunkSize = 1 << 20

    /// An empty chunk of a record being written, with room for a little more than `chunkSize`.
    static func chunk() -> [UInt8] {
        var chunk: [UInt8] = []
        chunk.reserveCapacity(chunkSize + 4096)
        return chunk
    }

    /// Hands `chunk` to `sink` and empties it, once it holds `chunkSize` bytes.
    static func flush<Failure: Error>(
        _ chunk: inout [UInt8], ifFullInto sink: (borrowing [UInt8]) throws(Failure) -> Void
    ) throws(Failure) {
        guard chunk.count >= chunkSize else { return }
        try sink(chunk)
        chunk.removeAll(keepingCapacity: true)
    }

    static let tab = UInt8(ascii: "\t")
    /// How the lines of each kind there are many of begin, as bytes.
    static let inputPrefix = Array("input\t".utf8)
    static let pagePrefix = Array("page\t".utf8)
    static let outputPrefix = Array("output\t".utf8)
    static let sitePrefix = Array("site\t".utf8)
    /// The line the inputs start on: after the header, the version, the settings and the site key.
    static let firstInput = 4
    static let newline = UInt8(ascii: "\n")

    /// Appends an input's line, but for its line break: what a build with nothing to do compares byte for byte.
    static func appendInput(_ path: String, _ stamp: FileStamp?, to out: inout [UInt8]) {
        out += inputPrefix
        escape(path, into: &out)
        appendStamp(stamp, to: &out)
    }

    /// Appends an output's line, line break included.
    static func appendOutput(_ path: String, _ stamp: OutputStamp?, to out: inout [UInt8]) {
        out += outputPrefix
        escape(path, into: &out)
        appendStamp(stamp?.stamp, to: &out)
        out.append(tab)
        if let digest = stamp?.digest { out += digest.utf8 } else { out.append(UInt8(ascii: "-")) }
        out.append(newline)
    }

    /// Appends a tab and `stamp`'s text, or `-` for none.
    private static func appendStamp(_ stamp: FileStamp?, to out: inout [UInt8]) {
        out.append(tab)
        if let stamp { stamp.appendText(to: &out) } else { out.append(UInt8(ascii: "-")) }
    }

    /// Appends one line: `fields`, escaped, separated by tabs.
    static func appendLine(_ fields: [String], to out: inout [UInt8]) {
        for (position, field) in fields.enumerated() {
            if position > 0 { out.append(tab) }
            escape(field, into: &out)
        }
        out.append(newline)
    }

    /// Appends `text` with `%`, tab, line breaks and other control characters as `%XX`.
    static func escape(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            // Most fields need no escape: one vectorized test, and they go in as one copy.
            guard bytes.containsByte(where: escapeBit) else {
                out.append(contentsOf: bytes)
                return
            }
            // Runs of bytes that need no escape go in as one copy each; a page's links, one a line, are runs
            // between line feeds.
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, escapeBit(bytes[end]) == 0 { end += 1 }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                guard end < bytes.count else { break }
                let byte = bytes[end]
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0xF)])
                start = end + 1
            }
        }
    }

    /// 1 for a byte the record escapes (a control character or `%`), else 0, without a branch (see `containsByte`).
    @inline(__always)
    private static func escapeBit(_ byte: UInt8) -> UInt8 {
        (byte < 0x20 ? 1 : 0) | (byte == 0x25 ? 1 : 0) | (byte == 0x7F ? 1 : 0)
    }
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// The text `escape` made `field` from; nil when an escape is malformed or the text is not UTF-8. Each field
    /// is checked as it is read, rather than the whole record first: a build with nothing to do reads only the
    /// paths of a record's many lines.
    static func unescape(_ field: UnsafeBufferPointer<UInt8>) -> String? {
        guard field.contains(UInt8(ascii: "%")) else { return String(validating: field, as: UTF8.self) }
        var bytes: [UInt8] = []
        var iterator = field.makeIterator()
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
    /// `current` is the file's stamp, taken as it was written.
    static func of(_ path: String, stamp current: FileStamp?, now: Int64) -> Self? {
        guard let stamp = current?.ignoringStatusChange else { return nil }
        guard needsDigest(stamp, now: now) else { return Self(stamp: stamp) }
        guard let digest = Self.digest(atPath: path) else { return nil }
        return Self(stamp: stamp, digest: digest)
    }

    /// Whether a file with `stamp` at the file system's time `now` was written so recently that a change in the
    /// same clock tick would not show in its stamp, so its record needs the digest of its bytes too.
    static func needsDigest(_ stamp: FileStamp, now: Int64) -> Bool {
        stamp.modified >= now - FileStamp.racyMargin
    }

    /// Whether the file at `path` is still the one this describes.
    func matches(_ path: String) -> Bool {
        matches(path, stamp: FileStamp.of(path))
    }

    /// Whether the file at `path`, whose stamp was just taken as `current`, is still the one this describes.
    func matches(_ path: String, stamp current: FileStamp?) -> Bool {
        guard current?.ignoringStatusChange == stamp else { return false }
        return digest.map { $0 == Self.digest(atPath: path) } ?? true
    }

    /// The SHA-256 of the file's bytes, in hex; nil when it cannot be read.
    static func digest(atPath path: String) -> String? {
        FileBytes.read(atPath: path).map { SHA256.hash(data: $0).lowercaseHex }
    }
}

extension BuildRecord {
    /// The page of a `page` line's sixteen fields, read from `line`; nil when one does not read.
    static func page(_ fields: [String], line: [UInt8]) -> Page? {
        func optional(_ field: String) -> String?? {
            field == "-" ? .some(nil) : field.hasPrefix("+") ? .some(String(field.dropFirst())) : nil
        }
        func flag(_ field: String) -> Bool?? {
            switch field {
            case "-": .some(nil)
            case "0": .some(false)
            case "1": .some(true)
            default: nil
            }
        }
        let stamp = fields[5] == "-" ? nil : FileStamp(text: Substring(fields[5]))
        guard fields[5] == "-" || stamp != nil else { return nil }
        func page(meta: PageMeta?) -> Page {
            Page(
                key: fields[2], anchors: HeadingIDs(text: fields[3]),
                linksTo: fields[4].isEmpty ? [] : fields[4].components(separatedBy: "\n"), stamp: stamp, meta: meta,
                line: line)
        }
        guard fields[6] == "meta" else { return fields[6] == "-" ? page(meta: nil) : nil }
        guard let description = optional(fields[8]), let navTitle = optional(fields[11]),
            let date = optional(fields[15]), let toc = flag(fields[12]), let draft = flag(fields[13]) ?? nil,
            let standalone = flag(fields[14]) ?? nil, fields[10] == "-" || Int(fields[10]) != nil
        else { return nil }
        return page(
            meta: PageMeta(
                title: fields[7], description: description, layout: fields[9], nav: Int(fields[10]),
                navTitle: navTitle, toc: toc, draft: draft, features: [], standalone: standalone, date: date))
    }
}

extension BuildRecord.Page {
    /// The record's line for this page, the source at `source`; made as each page renders, on every core.
    func line(source: String) -> [UInt8] {
        let tab = BuildRecord.tab
        let dash = UInt8(ascii: "-")
        let plus = UInt8(ascii: "+")
        var out: [UInt8] = []
        var stampText: [UInt8] = []
        if let stamp { stamp.appendText(to: &stampText) } else { stampText.append(dash) }
        let nav = meta?.nav.map(String.init) ?? "-"
        // Reserved to the size it comes to (unless a field needs escapes): a large site holds every page's line
        // until the record is written, and an array grown by doubling would hold up to twice that. The links are
        // one field, joined by line feeds the escape writes as `%0A`. The rest: `page`, 15 tabs and the line feed,
        // three flags and three `+` or `-` (26 bytes), and `meta`, or `-` with `-` for the title and the layout.
        let texts = [
            source, key, anchors.text, nav, meta?.title, meta?.description, meta?.layout, meta?.navTitle, meta?.date,
        ]
        let linkBytes = linksTo.reduce(3 * max(0, linksTo.count - 1)) { $0 + $1.utf8.count }
        out.reserveCapacity(
            texts.reduce(linkBytes + stampText.count + 26 + (meta == nil ? 3 : 4)) { $0 + ($1?.utf8.count ?? 0) })
        // The fields, escaped, separated by tabs, as `appendLine` writes them, without a string for each first.
        func field(_ text: String) {
            out.append(tab)
            BuildRecord.escape(text, into: &out)
        }
        func optional(_ text: String?) {
            out.append(tab)
            guard let text else { return out.append(dash) }
            out.append(plus)
            BuildRecord.escape(text, into: &out)
        }
        func flag(_ value: Bool?) {
            out.append(tab)
            out.append(value.map { $0 ? UInt8(ascii: "1") : UInt8(ascii: "0") } ?? dash)
        }
        out += "page".utf8
        field(source)
        field(key)
        field(anchors.text)
        out.append(tab)
        for (position, link) in linksTo.enumerated() {
            if position > 0 { out += "%0A".utf8 }
            BuildRecord.escape(link, into: &out)
        }
        out.append(tab)
        out += stampText
        field(meta == nil ? "-" : "meta")
        field(meta?.title ?? "-")
        optional(meta?.description)
        field(meta?.layout ?? "-")
        field(nav)
        optional(meta?.navTitle)
        flag(meta?.toc)
        flag(meta?.draft)
        flag(meta?.standalone)
        optional(meta?.date)
        out.append(BuildRecord.newline)
        return out
    }
}
