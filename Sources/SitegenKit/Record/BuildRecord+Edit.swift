import Foundation

extension BuildRecord {
    /// The last build's record, for a build after which only pages' sources changed: the same sitegen and
    /// settings, the same inputs (none added or removed), the others with the stamps they had, and every file the
    /// last build wrote still as it wrote it. Its page lines are kept as bytes and read one field at a time, only
    /// as far as such a build needs: at 10,000 pages, reading every page whole took longer than the rest of a
    /// build that renders one.
    struct Edit: Sendable {
        /// One file the record lists in the output folder.
        struct Output: Sendable {
            /// Its path there.
            var path: String
            /// The stamp it has now, which is the record's.
            var stamp: FileStamp
            /// Whether the record gives its digest too (it was written too recently for its stamp alone).
            var digested: Bool
            /// The number of its line in the record.
            var line: Int
        }

        /// The record's bytes.
        let bytes: [UInt8]
        /// Each line's range of `bytes`, line break left out.
        let lines: [Range<Int>]
        /// The number of the first page line.
        let firstPageLine: Int
        /// Each page line's range of `bytes`, line break left out, in the record's (page) order.
        let pageLines: [Range<Int>]
        /// The source path, under `content/`, of each page line.
        let sources: [String]
        /// Where each source's page line is among `pageLines`.
        let positions: [String: Int]
        /// The inputs whose stamps changed, by path from the project folder.
        let changed: [String]
        /// Every file the last build wrote but the manifest, in the record's order (by path).
        let outputs: [Output]
        /// The manifest's line.
        let manifest: Output
        /// What every page's key shares (`RenderKeys.siteKey`).
        let siteKey: String?
        /// The last build's warnings and notes.
        let warnings: [Diagnostic]
        let notes: [String]

        /// What this record vouches for of the manifest: that, while it has the stamp it has now, it lists exactly
        /// `outputs`, in this sitegen's form (the build that wrote the record wrote it from those files, or kept it
        /// having checked that it was just that). Nil when the record gives its digest: then it is read as usual.
        /// Making it hashes every output's path, so a build after edits makes it while it plans, beside other work.
        var vouchedManifest: VouchedManifest? {
            manifest.digested
                ? nil : VouchedManifest(paths: Set(outputs.map { ExactPath($0.path) }), stamp: manifest.stamp)
        }

        /// The text of field `number` (0 is the line's kind) of the page line at `position`; nil when it does not
        /// read.
        func field(_ number: Int, ofPage position: Int) -> String? {
            bytes.withUnsafeBufferPointer { buffer in
                BuildRecord.field(number, of: UnsafeBufferPointer(rebasing: buffer[pageLines[position]]))
                    .flatMap(BuildRecord.unescape)
            }
        }

        /// What a build after edits looks at on every page line, read in one pass over it.
        struct Glance: Sendable {
            /// Whether the page links to a heading on a page (itself included).
            var links: Bool
            /// Whether its front matter is recorded (it has no feature data).
            var hasFrontMatter: Bool
            /// Whether it has a place in the navigation.
            var inNavigation: Bool
        }

        /// The glance at the page line at `position`; one that does not read links (so it is read whole) and
        /// has neither front matter nor a place in the navigation.
        func glance(_ position: Int) -> Glance {
            bytes.withUnsafeBufferPointer { buffer in
                let line = UnsafeBufferPointer(rebasing: buffer[pageLines[position]])
                // The tabs around fields 4 (links), 6 (`meta` or `-`) and 10 (nav): the nth tab comes before field n.
                var tab = (four: 0, five: 0, six: 0, seven: 0, ten: 0, eleven: 0)
                var tabs = 0
                var offset = -1
                // `memchr` finds each tab many bytes at a time: this runs over every page line.
                while let base = line.baseAddress, offset + 1 < line.count,
                    let found = memchr(base + offset + 1, Int32(BuildRecord.tab), line.count - offset - 1)
                {
                    offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    tabs += 1
                    switch tabs {
                    case 4: tab.four = offset
                    case 5: tab.five = offset
                    case 6: tab.six = offset
                    case 7: tab.seven = offset
                    case 10: tab.ten = offset
                    case 11: tab.eleven = offset
                    default: break
                    }
                    if tabs == 11 { break }
                }
                guard tabs == 11 else { return Glance(links: true, hasFrontMatter: false, inNavigation: false) }
                func isDash(between before: Int, _ after: Int) -> Bool {
                    after - before == 2 && line[before + 1] == UInt8(ascii: "-")
                }
                return Glance(
                    links: tab.five - tab.four > 1, hasFrontMatter: !isDash(between: tab.six, tab.seven),
                    inNavigation: !isDash(between: tab.ten, tab.eleven))
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

        /// Writes this record to `sink`, a megabyte at a time, with the lines numbered in `replaced` replaced by
        /// the bytes given there (line breaks included) and every other line copied as it is: the record of a
        /// build that changed only those lines' facts.
        func write<Failure: Error>(
            replacing replaced: [Int: [UInt8]], to sink: (borrowing [UInt8]) throws(Failure) -> Void
        ) throws(Failure) {
            var out = BuildRecord.chunk()
            var copied = 0
            func flushIfFull() throws(Failure) { try BuildRecord.flush(&out, ifFullInto: sink) }
            func copy(upTo end: Int) throws(Failure) {
                while copied < end {
                    let next = min(end, copied + BuildRecord.chunkSize)
                    out += bytes[copied..<next]
                    copied = next
                    try flushIfFull()
                }
            }
            for number in replaced.keys.sorted() {
                try copy(upTo: lines[number].lowerBound)
                out += replaced[number]!
                copied = lines[number].upperBound + 1
                try flushIfFull()
            }
            try copy(upTo: bytes.count)
            try sink(out)
        }
    }

    /// The edit of the record `bytes` (read as `buffer`, with its `lines`) for a build whose inputs have the
    /// stamps `inputs`, those at `changed` other than the record's; nil when it does not read, or a file it lists
    /// in the output folder at `outputPath` is no longer as the last build wrote it.
    static func edit(
        _ bytes: [UInt8], _ buffer: UnsafeBufferPointer<UInt8>, lines: [Range<Int>],
        inputs: [(path: String, stamp: FileStamp)], changed: [Int], outputPath: String
    ) -> Edit? {
        guard let site = fields(of: UnsafeBufferPointer(rebasing: buffer[lines[3]])), site.count == 2 else {
            return nil
        }
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
        var outputs: [Edit.Output] = []
        var manifest: Edit.Output?
        guard
            let last = checkOutputs(
                buffer, lines: lines, outputPath: outputPath,
                each: { output in
                    if output.path == OutputWriter.manifestName {
                        manifest = output
                    } else {
                        outputs.append(output)
                    }
                }),
            let manifest
        else { return nil }
        return Edit(
            bytes: bytes, lines: lines, firstPageLine: firstInput + inputs.count, pageLines: pageLines,
            sources: sources, positions: positions, changed: changed.map { inputs[$0].path }, outputs: outputs,
            manifest: manifest,
            siteKey: site[1] == "-" ? nil : site[1], warnings: last.warnings, notes: last.notes)
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
