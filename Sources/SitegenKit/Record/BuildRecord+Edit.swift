import Foundation

extension BuildRecord {
    /// The last build's record, for a build after which only pages' sources changed: the same sitegen and
    /// settings, the same inputs (none added or removed), the others with the stamps they had, and every file the
    /// last build wrote still as it wrote it. Its page lines are kept as bytes and read one field at a time, only
    /// as far as such a build needs: at 10,000 pages, reading every page whole took longer than the rest of a
    /// build that renders one.
    struct Edit: Sendable {
        /// The record's bytes.
        let bytes: [UInt8]
        /// Each page line's range of `bytes`, line break left out, in the record's (page) order.
        let pageLines: [Range<Int>]
        /// The source path, under `content/`, of each page line.
        let sources: [String]
        /// Where each source's page line is among `pageLines`.
        let positions: [String: Int]
        /// The inputs whose stamps changed, by path from the project folder.
        let changed: [String]
        /// Every file the last build wrote but the manifest, by path in the output folder, with the stamp it has
        /// now (the one the record gives it).
        let outputs: [(path: String, stamp: FileStamp)]
        /// What every page's key shares (`RenderKeys.siteKey`).
        let siteKey: String?
        /// The last build's warnings and notes.
        let warnings: [Diagnostic]
        let notes: [String]

        /// The text of field `number` (0 is the line's kind) of the page line at `position`; nil when it does not
        /// read.
        func field(_ number: Int, ofPage position: Int) -> String? {
            bytes.withUnsafeBufferPointer { buffer in
                BuildRecord.field(number, of: UnsafeBufferPointer(rebasing: buffer[pageLines[position]]))
                    .flatMap(BuildRecord.unescape)
            }
        }

        /// Whether field `number` of the page line at `position` is `text`, as escaped in the record.
        func field(_ number: Int, ofPage position: Int, is text: String) -> Bool {
            bytes.withUnsafeBufferPointer { buffer in
                BuildRecord.field(number, of: UnsafeBufferPointer(rebasing: buffer[pageLines[position]]))?
                    .elementsEqual(text.utf8) == true
            }
        }

        /// The whole page of the page line at `position`; nil when it does not read.
        func page(_ position: Int) -> Page? {
            let range = pageLines[position]
            return bytes.withUnsafeBufferPointer { buffer in
                guard let fields = BuildRecord.fields(of: UnsafeBufferPointer(rebasing: buffer[range])),
                    fields.count == 16
                else { return nil }
                return BuildRecord.page(fields, line: Array(buffer[range.lowerBound...range.upperBound]))
            }
        }

        /// The page line at `position` as the record has it, line break included.
        func line(ofPage position: Int) -> [UInt8] {
            Array(bytes[pageLines[position].lowerBound...pageLines[position].upperBound])
        }
    }

    /// What the record `bytes` offers a build whose inputs have the stamps `inputs` (sorted by path, as
    /// `RenderKeys.stamps` gives them); nil unless it is whole and in this format, names this sitegen and
    /// `settings`, lists the same inputs, and every file it lists in the output folder at `outputPath` is still as
    /// the last build wrote it.
    static func edit(
        _ bytes: [UInt8], inputs: [(path: String, stamp: FileStamp)], settings: String, outputPath: String
    ) -> Edit? {
        guard bytes.last == newline else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Edit? in
            let lines = lines(buffer)
            guard let changed = changedInputs(buffer, lines: lines, inputs: inputs, settings: settings),
                let site = fields(of: UnsafeBufferPointer(rebasing: buffer[lines[3]])), site.count == 2
            else { return nil }
            var pageLines: [Range<Int>] = []
            var sources: [String] = []
            var positions: [String: Int] = [:]
            var index = firstInput + inputs.count
            while index < lines.count, buffer[lines[index]].starts(with: pagePrefix) {
                guard let field = field(1, of: UnsafeBufferPointer(rebasing: buffer[lines[index]])),
                    let source = unescape(field), positions.updateValue(pageLines.count, forKey: source) == nil
                else { return nil }
                pageLines.append(lines[index])
                sources.append(source)
                index += 1
            }
            var outputs: [(path: String, stamp: FileStamp)] = []
            guard
                let last = checkOutputs(
                    buffer, lines: lines, outputPath: outputPath, each: { outputs.append(($0, $1)) })
            else { return nil }
            return Edit(
                bytes: bytes, pageLines: pageLines, sources: sources, positions: positions, changed: changed,
                outputs: outputs, siteKey: site[1] == "-" ? nil : site[1], warnings: last.warnings, notes: last.notes)
        }
    }

    /// The bytes of field `number` of `line`, still escaped; nil when the line has fewer fields.
    static func field(_ number: Int, of line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        var start = 0
        for _ in 0..<number {
            guard let tab = line[start...].firstIndex(of: tab) else { return nil }
            start = tab + 1
        }
        let end = line[start...].firstIndex(of: tab) ?? line.count
        return UnsafeBufferPointer(rebasing: line[start..<end])
    }
}
