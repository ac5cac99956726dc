import Foundation

extension BuildRecord {
    /// What a build that has nothing to do reports: the last build's figures.
    struct UpToDate: Sendable {
        var pages: Int
        var files: Int
        var warnings: [Diagnostic]
        var notes: [String]
    }

    /// What a record says of a build whose inputs have the stamps it gives (`compare`).
    enum Comparison: Sendable {
        /// Nothing changed: the last build's figures.
        case upToDate(UpToDate)
        /// Some inputs have other stamps (none was added or removed), and the output is as the last build left it.
        case changed(Edit)
        /// The inputs are not the ones the record lists (some were added or removed), or another sitegen or other
        /// settings wrote it: every page's key has changed.
        case otherInputs
    }

    /// What the record `bytes` says of a build whose inputs have the stamps `inputs` (sorted by path, as
    /// `RenderKeys.stamps` gives them), with this sitegen and `settings`, and the output folder at `outputPath`:
    /// `otherInputs` when it names another sitegen or other settings or lists other inputs; otherwise nil unless
    /// it is whole and every file it lists in the output folder is still as the last build wrote it.
    ///
    /// This is the whole of a build with nothing to do, so it reads the record's bytes as they are. (Taking the
    /// inputs' stamps on one core while checking the output's on another was slower, at 10,000 pages.)
    static func compare(
        _ bytes: [UInt8], inputs: [(path: String, stamp: FileStamp)], settings: String, outputPath: String
    ) -> Comparison? {
        guard bytes.last == newline else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            let lines = lines(buffer)
            guard lines.first.map({ buffer[$0].elementsEqual(header.utf8) }) == true else { return nil }
            guard let changed = changedInputs(buffer, lines: lines, inputs: inputs, settings: settings) else {
                return .otherInputs
            }
            guard changed.isEmpty else {
                return edit(bytes, buffer, lines: lines, inputs: inputs, changed: changed, outputPath: outputPath)
                    .map(Comparison.changed)
            }
            return checkOutputs(buffer, lines: lines, outputPath: outputPath) { _ in }.map(Comparison.upToDate)
        }
    }

    /// Each line of a record, as a range of its bytes. The line breaks are found with `memchr`, which scans
    /// many bytes at a time: a large site's record is megabytes long.
    static func lines(_ buffer: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard let base = buffer.baseAddress else { return [] }
        var lines: [Range<Int>] = []
        var start = 0
        while start < buffer.count, let found = memchr(base + start, Int32(newline), buffer.count - start) {
            let position = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            lines.append(start..<position)
            start = position + 1
        }
        return lines
    }

    /// The positions in `inputs` of those whose record lines give another stamp, when the record's first lines
    /// name this sitegen and `settings` and its input lines list the same paths as `inputs`, in the same sorted
    /// order; nil otherwise.
    private static func changedInputs(
        _ buffer: UnsafeBufferPointer<UInt8>, lines: [Range<Int>], inputs: [(path: String, stamp: FileStamp)],
        settings: String
    ) -> [Int]? {
        var expected: [UInt8] = []
        func expect(_ fields: String...) -> [UInt8] {
            expected.removeAll(keepingCapacity: true)
            appendLine(fields, to: &expected)
            return Array(expected.dropLast())  // the line break, which `lines` leaves out
        }
        func line(_ index: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: buffer[lines[index]])
        }
        // The site key (line 3) follows from the inputs and settings, so it is the same when they are.
        guard lines.count >= firstInput + 1 + inputs.count,
            line(1).elementsEqual(expect("version", RenderKeys.sitegen)),
            line(2).elementsEqual(expect("settings", settings)), line(3).starts(with: sitePrefix)
        else { return nil }
        let shared = UncheckedSendable(buffer)
        var changed: [Int] = []
        var listed = true
        // On every core, in runs of neighbouring inputs: `nil` for a run whose paths differ from the record's.
        let run = 512
        Array(stride(from: 0, to: inputs.count, by: run)).parallelMap { first -> [Int]? in
            var expected: [UInt8] = []
            var changed: [Int] = []
            for offset in first..<min(first + run, inputs.count) {
                expected.removeAll(keepingCapacity: true)
                appendInput(inputs[offset].path, inputs[offset].stamp, to: &expected)
                let recorded = UnsafeBufferPointer(rebasing: shared.value[lines[firstInput + offset]])
                guard !recorded.elementsEqual(expected) else { continue }
                // The same path, then a stamp (which has no tab): `input`, the path and a tab, as this build has
                // them.
                expected.removeAll(keepingCapacity: true)
                appendInput(inputs[offset].path, nil, to: &expected)
                guard recorded.starts(with: expected.dropLast()),
                    !recorded[(expected.count - 1)...].contains(tab)
                else { return nil }
                changed.append(offset)
            }
            return changed
        } each: { run in
            guard let run else {
                listed = false
                return
            }
            changed += run
        }
        guard listed else { return nil }
        return line(firstInput + inputs.count).starts(with: inputPrefix) ? nil : changed
    }

    /// The last build's figures when the record is whole and every file it lists in the output folder is still as
    /// that build wrote it; nil otherwise. Each such file is handed to `each` with its stamp, whether the record
    /// gives its digest too, and the number of its line.
    static func checkOutputs(
        _ buffer: UnsafeBufferPointer<UInt8>, lines: [Range<Int>], outputPath: String,
        each: (_ output: Edit.Output) -> Void
    ) -> UpToDate? {
        func line(_ index: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: buffer[lines[index]])
        }
        func starts(_ index: Int, with prefix: [UInt8]) -> Bool { line(index).starts(with: prefix) }
        guard lines.count > firstInput, line(0).elementsEqual(header.utf8) else { return nil }
        var index = firstInput
        while index < lines.count, starts(index, with: inputPrefix) { index += 1 }
        var pages = 0
        while index < lines.count, starts(index, with: pagePrefix) {
            pages += 1
            index += 1
        }
        let end = (index..<lines.count).first { !starts($0, with: outputPrefix) } ?? lines.count
        var files = 0
        var sawManifest = false
        var intact = true
        let shared = UncheckedSendable(buffer)
        // On every core, in runs of neighbouring lines: a run's files are mostly in a few folders, each of which
        // its stamper opens once.
        let run = 256
        Array(stride(from: index, to: end, by: run)).parallelMap { first -> [Edit.Output]? in
            let stamper = FolderStamper(root: outputPath)
            var stampText: [UInt8] = []
            var tabs: [Int] = []
            var outputs: [Edit.Output] = []
            outputs.reserveCapacity(run)
            // Each output line is `output`, path, stamp, digest: compared as bytes with the stamp the file has
            // now, so the ten thousand lines of a large site make no strings but their paths.
            for index in first..<min(first + run, end) {
                let text = UnsafeBufferPointer(rebasing: shared.value[lines[index]])
                tabs.removeAll(keepingCapacity: true)
                for position in text.indices where text[position] == tab {
                    tabs.append(position)
                    if tabs.count > 3 { break }
                }
                guard tabs.count == 3,
                    let path = unescape(UnsafeBufferPointer(rebasing: text[(tabs[0] + 1)..<tabs[1]])),
                    let current = stamper.stamp(path)?.ignoringStatusChange
                else { return nil }
                stampText.removeAll(keepingCapacity: true)
                current.appendText(to: &stampText)
                guard text[(tabs[1] + 1)..<tabs[2]].elementsEqual(stampText) else { return nil }
                let digest = UnsafeBufferPointer(rebasing: text[(tabs[2] + 1)...])
                let digested = !digest.elementsEqual("-".utf8)
                if digested {
                    guard
                        OutputStamp.digest(atPath: outputPath + "/" + path)
                            == String(decoding: digest, as: UTF8.self)
                    else { return nil }
                }
                outputs.append(Edit.Output(path: path, stamp: current, digested: digested, line: index))
            }
            return outputs
        } each: { outputs in
            guard intact, let outputs else {
                intact = false
                return
            }
            for output in outputs {
                if output.path == OutputWriter.manifestName { sawManifest = true } else { files += 1 }
                each(output)
            }
        }
        guard intact else { return nil }
        index = end
        var warnings: [Diagnostic] = []
        var notes: [String] = []
        while index < lines.count - 1 {
            guard let fields = fields(of: line(index)) else { return nil }
            switch (fields[0], fields.count) {
            case ("warning", 8):
                guard let warning = warning(fields) else { return nil }
                warnings.append(warning)
            case ("note", 2): notes.append(fields[1])
            default: return nil
            }
            index += 1
        }
        guard sawManifest, let end = fields(of: line(lines.count - 1)), end == ["end", String(lines.count - 1)]
        else { return nil }
        return UpToDate(pages: pages, files: files, warnings: warnings, notes: notes)
    }

    /// The fields of one line; nil when an escape is malformed.
    static func fields(of line: UnsafeBufferPointer<UInt8>) -> [String]? {
        var fields: [String] = []
        var start = 0
        for position in 0...line.count where position == line.count || line[position] == tab {
            guard let field = unescape(UnsafeBufferPointer(rebasing: line[start..<position])) else { return nil }
            fields.append(field)
            start = position + 1
        }
        return fields
    }

    /// The warning of a `warning` line's fields.
    static func warning(_ fields: [String]) -> Diagnostic? {
        guard let severity = Diagnostic.Severity(rawValue: fields[1]), let line = Int(fields[3]),
            let column = Int(fields[4])
        else { return nil }
        func optional(_ field: String) -> String? { field.hasPrefix("+") ? String(field.dropFirst()) : nil }
        return Diagnostic(
            SourceLocation(file: fields[2], line: line, column: column), fields[5], hint: optional(fields[6]),
            sourceLine: optional(fields[7]), severity: severity)
    }
}
