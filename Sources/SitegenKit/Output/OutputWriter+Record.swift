import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension OutputWriter {
    /// The build record, beside the output folder.
    var recordPath: String { parentPath + "/" + siblingPrefix + "record" }
    /// What a record being written is named by, after the sibling prefix (then a `token()`).
    private static let temporaryRecordPart = "record-new-"

    /// The file system's own clock, read by touching the lock file: file times come from it, and it may differ
    /// from this process's clock (a network file system).
    func fileSystemTime(_ lock: Int32) -> Int64 {
        var status = stat()
        guard futimens(lock, nil) == 0, fstat(lock, &status) == 0 else { return FileStamp.now() }
        return FileStamp(status).modified
    }

    /// The bytes of the last build's record; nil when there is none.
    func readRecord() -> [UInt8]? {
        FileBytes.read(atPath: recordPath)
    }

    /// Removes the record, before the output changes: a build stopped between the swap and the new record then
    /// leaves none, and the next build is a full one.
    func removeRecord() {
        if Disk.kind(of: recordPath) == .file, recordIsOurs { try? disk.remove(recordPath) }
    }

    /// Whether what is at the record's path is sitegen's (or nothing): a file of someone else's that happens to
    /// have the name is never removed or replaced.
    private var recordIsOurs: Bool {
        switch Disk.kind(of: recordPath) {
        case .missing: return true
        case .file: return Self.startsAsRecord(recordPath)
        default: return false
        }
    }

    /// Removes the temporary records that builds killed while writing one left beside the output folder: a
    /// file by that name that is empty or starts as a record does (anything else is kept).
    func removeRecordLeftovers(among names: [String]) {
        for name in names {
            guard let rest = afterSiblingPrefix(name), Self.isToken(after: Self.temporaryRecordPart, in: rest) else {
                continue
            }
            let path = parentPath + "/" + name
            guard Disk.kind(of: path) == .file, FileStamp.of(path)?.size == 0 || Self.startsAsRecord(path) else {
                continue
            }
            try? disk.remove(path)
        }
    }

    /// Whether the file at `path` begins as every sitegen build record does.
    private static func startsAsRecord(_ path: String) -> Bool {
        FileBytes.starts(atPath: path, with: Array(BuildRecord.formatName.utf8))
    }

    /// Writes the record of a build that has just been committed: the stamps of its inputs, what each page
    /// depended on, and the stamps of the files now in the output folder. A record that cannot be written only
    /// costs the next build its shortcut, so it is a notice, not a failure.
    func writeRecord(
        inputs: [(path: String, stamp: FileStamp?)], siteKey: String?, pageLines: [[UInt8]],
        written: [OutputStaging.Entry], settings: String, warnings: [Diagnostic], notes: [String], lock: Int32
    ) {
        let now = fileSystemTime(lock)
        let outputs =
            written.map { ($0.path, outputStamp($0.path, $0.stamp, now: now)) }
            + [(Self.manifestName, outputStamp(Self.manifestName, nil, now: now))]
        keepRecord { (write) throws(FileError) in
            try BuildRecord.write(
                version: RenderKeys.sitegen, settings: settings, siteKey: siteKey, inputs: inputs,
                pageLines: pageLines, outputs: outputs, warnings: warnings, notes: notes, to: write)
        }
    }

    /// Writes the record of a build after the edits `edit` describes, just committed: the last build's record, with
    /// the lines of the inputs that changed, of the pages in `pageLines` (by their position among the record's)
    /// and of the files written afresh made anew, and every other line copied as it is. `inputs` and `written`
    /// are what `writeRecord` takes.
    func writeRecord(
        editing edit: BuildRecord.Edit, inputs: [(path: String, stamp: FileStamp?)], pageLines: [Int: [UInt8]],
        written: [OutputStaging.Entry], lock: Int32
    ) {
        let now = fileSystemTime(lock)
        var replaced: [Int: [UInt8]] = [:]
        // An input the record has with a trusted stamp could only lose that trust with a clock set back.
        let changed = Set(edit.changed)
        for (position, input) in inputs.enumerated() where input.stamp == nil || changed.contains(input.path) {
            var line: [UInt8] = []
            BuildRecord.appendInput(input.path, input.stamp, to: &line)
            line.append(BuildRecord.newline)
            replaced[BuildRecord.firstInput + position] = line
        }
        for (position, line) in pageLines { replaced[edit.firstPageLine + position] = line }
        // The build writes the files the record lists, in the same order (by path); were it otherwise, the record
        // would describe another output, and no record is better (the next build is a full one).
        guard written.count == edit.outputs.count,
            zip(written, edit.outputs).allSatisfy({ $0.path == $1.path })
        else {
            notice?("could not keep the build record (its files did not match); the next build will be a full one")
            return
        }
        func line(_ path: String, _ stamp: BuildRecord.OutputStamp?) -> [UInt8] {
            var line: [UInt8] = []
            BuildRecord.appendOutput(path, stamp, to: &line)
            return line
        }
        // A file that is as the record has it, and that its stamp alone still vouches for, keeps its line.
        func keepsLine(_ old: BuildRecord.Edit.Output, stamp: FileStamp?) -> Bool {
            guard !old.digested, let stamp = stamp?.ignoringStatusChange, stamp == old.stamp else { return false }
            return !BuildRecord.OutputStamp.needsDigest(stamp, now: now)
        }
        for (file, old) in zip(written, edit.outputs) where !(file.carried && keepsLine(old, stamp: file.stamp)) {
            replaced[old.line] = line(file.path, outputStamp(file.path, file.stamp, now: now))
        }
        // Kept where the file was renamed in place; written anew, with the new site, by a swap.
        let manifest = FileStamp.of(outputPath + "/" + Self.manifestName)
        if !keepsLine(edit.manifest, stamp: manifest) {
            replaced[edit.manifest.line] = line(Self.manifestName, outputStamp(Self.manifestName, manifest, now: now))
        }
        keepRecord { (write) throws(FileError) in try edit.write(replacing: replaced, to: write) }
    }

    /// The stamp the record gives the file at `path` in the output folder, whose stamp was taken as `stamp` as
    /// it was written (nil: take it now), at the file system's time `now`.
    private func outputStamp(_ path: String, _ stamp: FileStamp?, now: Int64) -> BuildRecord.OutputStamp? {
        let full = outputPath + "/" + path
        return BuildRecord.OutputStamp.of(full, stamp: stamp ?? FileStamp.of(full), now: now)
    }

    /// Writes a record with `body` to a temporary file beside the output folder, then renames it into place; a
    /// notice when that cannot be done, or the record's name is someone else's file.
    private func keepRecord(_ body: ((borrowing [UInt8]) throws(FileError) -> Void) throws(FileError) -> Void) {
        guard recordIsOurs else {
            notice?("\(recordPath) is not sitegen's build record, so it was left as it is; every build is a full one")
            return
        }
        let temporary = parentPath + "/" + siblingPrefix + Self.temporaryRecordPart + Self.token()
        do throws(FileError) {
            try disk.write(to: temporary, exclusive: true, body)
            try disk.rename(temporary, to: recordPath)
        } catch {
            try? disk.remove(temporary)
            notice?("could not keep the build record (\(error.description)); the next build will be a full one")
        }
    }
}
