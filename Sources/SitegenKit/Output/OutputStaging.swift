import Foundation

/// A new site being written beside the output folder (see `OutputWriter.begin()`), while this build holds the
/// output's lock. Pages can be written as soon as they are rendered, from any thread, so a build never holds the
/// whole site in memory.
final class OutputStaging: @unchecked Sendable {
    /// One file of the new site. One list of these, not a dictionary of stamps: a large site has one for each of
    /// its tens of thousands of files.
    struct Entry: Sendable {
        /// Its path in the site.
        var path: String
        /// Its stamp as it was just after it was written; for a file carried over, the old file's (a link to it
        /// differs only in its status-change time).
        var stamp: FileStamp?
        /// Whether it is carried over from the old output (not yet in the staging folder) or written afresh.
        var carried: Bool
    }

    // Mutable state is guarded by `lock`; file contents are written outside it.
    private let lock = NSLock()
    private var entries: [Entry] = []
    private var folders: Set<ExactPath> = []
    private var lockDescriptor: Int32?
    private var swapped = false
    /// False only when a failed swap could not be undone, so the output folder is not as it was.
    private(set) var outputIntact = true
    private let writer: OutputWriter
    private let folder: String
    private let previous: Set<ExactPath>?
    /// The stamp with which, a build record vouches, the manifest is as this build would write it for `previous`
    /// (`VouchedManifest`); nil when it was read.
    private let manifestStamp: FileStamp?

    init(
        writer: OutputWriter, folder: String, previous: Set<ExactPath>?, manifestStamp: FileStamp? = nil, lock: Int32
    ) {
        self.writer = writer
        self.folder = folder
        self.previous = previous
        self.manifestStamp = manifestStamp
        self.lockDescriptor = lock
    }

    deinit {
        if let lockDescriptor { close(lockDescriptor) }
    }

    private var disk: Disk { writer.disk }

    /// Adds one file. A file whose bytes did not change since the last build is carried over: it is noted here and
    /// hard-linked to the old one at `commit`, only if the site is swapped in whole, so the swap leaves it untouched
    /// (same inode and modification time).
    func write(_ file: OutputFile) throws(SitegenError) {
        // Paths as strings: every page comes through here, and URL's appendingPathComponent costs a stat each.
        let old = writer.outputPath + "/" + file.path
        // The old file's stamp is the link's, but for its status-change time, which the record leaves out. It is
        // taken before the file is compared, so a file replaced from then on shows another stamp at commit, which
        // stops the build.
        if previous?.contains(ExactPath(file.path)) == true {
            let stamp = FileStamp.of(old)
            let unchanged: Bool
            if case .previous(_, let recorded) = file.contents {
                // Carried over by the record, without comparing bytes: the file must still be as it says.
                guard let stamp, let recorded, recorded.matches(old, stamp: stamp) else {
                    throw changedDuringTheBuild(file.path)
                }
                unchanged = true
            } else {
                unchanged = stamp != nil && FileBytes.equal(atPath: old, file.contents)
            }
            if unchanged {
                lock.withLock { entries.append(Entry(path: file.path, stamp: stamp, carried: true)) }
                return
            }
        }
        let path = folder + "/" + file.path
        var stamp: FileStamp?
        do throws(FileError) {
            try createParent(of: file.path)
            switch file.contents {
            case .bytes(let bytes): stamp = try disk.write(bytes, to: path)
            case .copy(let source): try disk.copy(source.path, to: path)
            case .previous(let source, _): try disk.copy(source, to: path)
            }
        } catch {
            throw SitegenError(writer.failure(error))
        }
        // Taken here, on the thread that wrote the file, for the build record: the swap renames the folder, which
        // leaves each file's stamp as it is.
        let entry = Entry(path: file.path, stamp: stamp ?? FileStamp.of(path), carried: false)
        lock.withLock { entries.append(entry) }
    }

    /// Adds files of the old output that this build carries over unseen, each with the stamp it was just checked
    /// to have (against the build record, see `BuildRecord.edit`); `commit` checks each again, as it does every
    /// file `write` carries over.
    func carry(_ files: [(path: String, stamp: FileStamp)]) {
        let carried = files.map { Entry(path: $0.path, stamp: $0.stamp, carried: true) }
        lock.withLock { entries += carried }
    }

    /// Creates the staging folder's copy of the folder that holds `path` (a path in the site), once.
    private func createParent(of path: String) throws(FileError) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return }
        let parent = folder + "/" + path[..<slash]
        // Created under the lock, so no thread writes into a folder another thread is still creating.
        lock.lock()
        defer { lock.unlock() }
        if folders.insert(ExactPath(parent)).inserted { try disk.createFolders(parent) }
    }

    /// Hard-links every carried-over file of `files` into the new site, on every core. Where a link is refused
    /// (another user's file, under protected_hardlinks) the file is copied, and its stamp in `files` taken again. A
    /// file that is no longer the one `write` compared (changed in the output while the build ran) stops the build.
    private func linkCarriedOver(_ files: inout [Entry]) throws(SitegenError) {
        enum Outcome: Sendable {
            case linked, copied(FileStamp?), changed, failed(FileError)
        }
        let carried = files.indices.filter { files[$0].carried }
        let shared = files
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(carried.count)
        @Sendable func link(_ position: Int) -> Outcome {
            let file = shared[position]
            let (old, new) = (writer.outputPath + "/" + file.path, folder + "/" + file.path)
            do throws(FileError) {
                try createParent(of: file.path)
                do throws(FileError) {
                    try disk.link(old, to: new)
                    return Self.isUnchanged(file, stamp: FileStamp.of(new)) ? .linked : .changed
                } catch {
                    try disk.copy(old, to: new)
                    // A file replaced before or during the copy has another stamp after it.
                    guard Self.isUnchanged(file, stamp: FileStamp.of(old)) else { return .changed }
                    return .copied(FileStamp.of(new))
                }
            } catch {
                return .failed(error)
            }
        }
        // In runs of 256 neighbouring files: handed out one at a time, a 10,000-page title edit measured up to 3%
        // slower.
        let runs = stride(from: 0, to: carried.count, by: 256).map { Array(carried[$0..<min($0 + 256, carried.count)]) }
        runs.parallelMap {
            $0.map(link)
        } each: {
            outcomes += $0
        }
        for (position, outcome) in zip(carried, outcomes) {
            switch outcome {
            case .linked: continue
            case .copied(let stamp): files[position].stamp = stamp
            case .changed: throw changedDuringTheBuild(files[position].path)
            case .failed(let failure): throw SitegenError(writer.failure(failure))
            }
        }
    }

    /// Whether every carried-over file of `files` is still the one `write` compared: nothing changed it in the
    /// output while the build ran. Looked at on every core, each from the open output folder: a large site has
    /// tens of thousands.
    private func carriedOverUnchanged(_ files: [Entry]) -> Bool {
        var unchanged = true
        let outputPath = writer.outputPath
        // In runs of neighbouring files, mostly of a few folders, each of which a run's stamper opens once.
        stride(from: 0, to: files.count, by: 256).map { files[$0..<min($0 + 256, files.count)] }.parallelMap { run in
            let stamper = FolderStamper(root: outputPath)
            return run.allSatisfy { !$0.carried || Self.isUnchanged($0, stamp: stamper.stamp($0.path)) }
        } each: {
            unchanged = unchanged && $0
        }
        return unchanged
    }

    /// Whether `current` is the stamp `file` was carried over with, but for the status-change time (which a link
    /// moves). A file without a stamp never matches: it was not there to carry over.
    private static func isUnchanged(_ file: Entry, stamp current: FileStamp?) -> Bool {
        guard let stamp = file.stamp, let current else { return false }
        return current.ignoringStatusChange == stamp.ignoringStatusChange
    }

    /// The error for a file of the old output that changed while this build was carrying it over.
    private func changedDuringTheBuild(_ path: String) -> SitegenError {
        SitegenError(
            Diagnostic(
                SourceLocation(file: "\(writer.displayPath)/\(path)"),
                "\(writer.displayPath)/\(path) changed while the build ran; the previous output was left as it was",
                hint: "build again once nothing else writes to \(writer.displayPath)/"))
    }

    /// Puts the new site in place and returns the paths of the files sitegen wrote. Where it differs from the old
    /// one in a single file, and no more (same paths, every other file carried over and still as it was), that
    /// file is renamed over its old copy: one atomic step, as a swap is. Otherwise the carried-over files are
    /// linked into the new site, the manifest is written, what the old output holds that sitegen did not write is
    /// carried over, and the new site is swapped in whole; then the old one is removed. On failure before the swap
    /// (or the rename) the output is as it was; after it, the new site is in place and a problem removing the old
    /// copy is only noticed. `afterSwap` runs with the files, by path, once the new site is in place,
    /// while the lock is still held (the build record is written there, so no other build can come between).
    func commit(afterSwap: @Sendable (_ written: [Entry]) -> Void = { _ in }) throws(SitegenError) -> [String] {
        defer { unlock() }
        var files = lock.withLock { entries }
        files.sort { $0.path < $1.path }
        let paths = files.map(\.path)
        if replaceInPlace(files, paths: paths) {
            swapped = true
            afterSwap(files)
            // What is left of the staging folder is its marker and empty folders.
            writer.removeIfOurs(folder, what: "the staging folder of this build")
            return paths
        }
        let old: String?
        do throws(SitegenError) {
            try linkCarriedOver(&files)
            do throws(FileError) {
                try disk.write(
                    OutputManifest.bytes(sortedPaths: paths), to: folder + "/" + OutputWriter.manifestName)
            } catch {
                throw SitegenError(writer.failure(error))
            }
            if previous != nil { try carryOverForeignEntries() }
            old = try swap()
            swapped = true
        } catch {
            discardFolder()
            throw error
        }
        // The old copy's removal and `afterSwap` (the record) run side by side: the old copy's files that are
        // carried over are the new site's too, by hard link, and removing them changes only their status-change
        // time, which the record's output stamps leave out.
        let writer = writer
        let written = files
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                if let old {
                    writer.removeIfOurs(old, what: "the previous site, replaced by this build", listed: previous)
                }
            } else {
                afterSwap(written)
            }
        }
        return paths
    }

    /// Renames the one file of `files` (whose paths are `paths`) written afresh over its old copy, when the new
    /// site differs from the old in that file alone (or in none): then that rename is the whole change, and it is
    /// atomic. False, changing nothing, when the site differs in more, a carried-over file changed in the output
    /// meanwhile, or the rename cannot be done (a folder or a link now stands on the way): the whole site is
    /// swapped in instead.
    private func replaceInPlace(_ files: [Entry], paths: [String]) -> Bool {
        let fresh = files.filter { !$0.carried }
        // The manifest stays as it is, so it must be what this build would write (not, say, one in an older
        // sitegen's form, or none: `previous` is empty, not read, for an empty folder).
        guard let previous, fresh.count <= 1, files.count == previous.count,
            files.allSatisfy({ previous.contains(ExactPath($0.path)) }),
            manifestIsAsWritten(paths),
            carriedOverUnchanged(files)
        else { return false }
        guard let path = fresh.first?.path else { return true }
        do throws(FileError) {
            try disk.replace(folder + "/" + path, under: writer.outputPath, at: path)
        } catch {
            return false
        }
        return true
    }

    /// Whether the manifest in the output folder is a regular file that lists `paths` in this sitegen's form: as
    /// the build record vouches while it keeps its stamp, or as read.
    private func manifestIsAsWritten(_ paths: [String]) -> Bool {
        let manifest = writer.outputPath + "/" + OutputWriter.manifestName
        guard Disk.kind(of: manifest) == .file else { return false }
        if let manifestStamp { return FileStamp.of(manifest)?.ignoringStatusChange == manifestStamp }
        return FileBytes.read(atPath: manifest) == OutputManifest.bytes(sortedPaths: paths)
    }

    /// Brings everything in the old output that sitegen did not write into the new site, as hard links (so a large
    /// file is not copied, and a FIFO or device is never opened), or as a copy where a link is refused; empty
    /// folders too.
    private func carryOverForeignEntries() throws(SitegenError) {
        guard let previous else { return }
        let output = writer.outputPath
        let entries: [(path: String, kind: Disk.Kind)]
        do throws(FileError) {
            // A folder that cannot be read in full is never taken for an empty one: the build stops first.
            entries = try FileTree.everything(under: output)
        } catch {
            throw SitegenError(writer.failure(error))
        }
        for (path, kind) in entries where !previous.contains(ExactPath(path)) && path != OutputWriter.manifestName {
            let target = folder + "/" + path
            let existing = Disk.kind(of: target)
            if kind == .folder && existing == .folder { continue }
            guard existing == .missing else {
                throw SitegenError(
                    Diagnostic(
                        SourceLocation(file: "\(writer.displayPath)/\(path)"),
                        "the build would overwrite \(writer.displayPath)/\(path), which sitegen did not write",
                        hint:
                            "move that \(kind == .folder ? "folder" : "file") elsewhere, or rename the page or asset that produces it"
                    ))
            }
            do throws(FileError) {
                if kind == .folder {
                    try disk.createFolder(target)
                } else {
                    do throws(FileError) {
                        try disk.link(output + "/" + path, to: target)
                    } catch  where kind == .file {
                        // A link can be refused (another user's file, under protected_hardlinks): a copy then,
                        // with the file's permissions and times.
                        try disk.copy(output + "/" + path, to: target, preservingMetadata: true)
                    }
                }
            } catch {
                throw SitegenError(writer.failure(error))
            }
        }
    }

    /// Puts the new site in the output folder's place: one atomic exchange where the file system has it, otherwise
    /// two renames, undone if the second fails. Returns where the old site now is, if there was one.
    private func swap() throws(SitegenError) -> String? {
        let output = writer.outputPath
        do throws(FileError) {
            try disk.remove(folder + "/" + OutputWriter.stagingMarker)
            guard Disk.kind(of: output) != .missing else {
                try disk.rename(folder, to: output)
                return nil
            }
            if try disk.exchange(folder, output) { return folder }
        } catch {
            throw SitegenError(writer.failure(error))
        }
        // A build stopped between these two renames leaves the output missing and the old site at `old`, which the
        // next build puts back (see `OutputWriter.recoverInterruptedBuild`).
        let old = writer.parentPath + "/" + writer.siblingPrefix + "old-" + OutputWriter.token()
        do throws(FileError) {
            try disk.rename(output, to: old)
        } catch {
            throw SitegenError(writer.failure(error))
        }
        do throws(FileError) {
            try disk.rename(folder, to: output)
        } catch {
            do throws(FileError) {
                try disk.rename(old, to: output)
            } catch let undo {
                outputIntact = false
                throw SitegenError(
                    writer.failure(
                        error,
                        state:
                            "and putting the previous site back failed too (\(undo.reason)): it is at \(old), and the next build puts it back"
                    ))
            }
            throw SitegenError(writer.failure(error))
        }
        return old
    }

    /// Drops the new site after `error`, and returns it saying whether the output folder is as it was (only a
    /// failed swap that could not be undone leaves it otherwise).
    func discard(after error: SitegenError) -> SitegenError {
        discard()
        var failure = error
        failure.outputUnchanged = outputIntact
        return failure
    }

    /// Drops the new site; the output folder stays exactly as it was.
    func discard() {
        discardFolder()
        unlock()
    }

    private func discardFolder() {
        // Everything in it is sitegen's: files it wrote, and links to files that are still in the output.
        // After the swap the folder holds the old site, which only `removeIfOurs` may remove.
        guard !swapped && Disk.kind(of: folder) == .folder else { return }
        do throws(FileError) {
            try disk.removeTree(folder, last: [OutputWriter.stagingMarker, OutputWriter.manifestName])
        } catch {
            writer.notice?(
                "could not remove the unfinished site at \(folder): \(error.reason); the next build tries again")
        }
    }

    private func unlock() {
        lock.withLock {
            if let lockDescriptor { close(lockDescriptor) }
            lockDescriptor = nil
        }
    }
}
