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
        written: [OutputStaging.Entry],
        settings: String, warnings: [Diagnostic], notes: [String], lock: Int32
    ) {
        let now = fileSystemTime(lock)
        func output(_ path: String, _ stamp: FileStamp?) -> (String, BuildRecord.OutputStamp?) {
            let full = outputPath + "/" + path
            return (path, BuildRecord.OutputStamp.of(full, stamp: stamp ?? FileStamp.of(full), now: now))
        }
        let outputs = written.map { output($0.path, $0.stamp) } + [output(Self.manifestName, nil)]
        guard recordIsOurs else {
            notice?("\(recordPath) is not sitegen's build record, so it was left as it is; every build is a full one")
            return
        }
        let temporary = parentPath + "/" + siblingPrefix + Self.temporaryRecordPart + Self.token()
        do throws(FileError) {
            try disk.write(to: temporary, exclusive: true) { (write) throws(FileError) in
                try BuildRecord.write(
                    version: RenderKeys.sitegen, settings: settings, siteKey: siteKey, inputs: inputs,
                    pageLines: pageLines,
                    outputs: outputs, warnings: warnings, notes: notes, to: write)
            }
            try disk.rename(temporary, to: recordPath)
        } catch {
            try? disk.remove(temporary)
            notice?("could not keep the build record (\(error.description)); the next build will be a full one")
        }
    }
}
