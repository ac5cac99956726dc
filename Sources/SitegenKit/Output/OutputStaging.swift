import Foundation

/// A new site being written beside the output folder (see `OutputWriter.begin()`), while this build holds the
/// output's lock. Pages can be written as soon as they are rendered, from any thread, so a build never holds the
/// whole site in memory.
final class OutputStaging: @unchecked Sendable {
    // Mutable state is guarded by `lock`; file contents are written outside it.
    private let lock = NSLock()
    private var written: [String] = []
    private var stamps: [String: FileStamp] = [:]
    private var folders: Set<ExactPath> = []
    private var lockDescriptor: Int32?
    private var swapped = false
    /// False only when a failed swap could not be undone, so the output folder is not as it was.
    private(set) var outputIntact = true
    private let writer: OutputWriter
    private let folder: String
    private let previous: Set<ExactPath>?

    init(writer: OutputWriter, folder: String, previous: Set<ExactPath>?, lock: Int32) {
        self.writer = writer
        self.folder = folder
        self.previous = previous
        self.lockDescriptor = lock
    }

    deinit {
        if let lockDescriptor { close(lockDescriptor) }
    }

    private var disk: Disk { writer.disk }

    /// Adds one file. A file whose bytes did not change since the last build is carried over as a hard link to
    /// the old one, so the swap leaves it untouched (same inode and modification time).
    func write(_ file: OutputFile) throws(SitegenError) {
        // Paths as strings: every page comes through here, and URL's appendingPathComponent costs a stat each.
        let path = folder + "/" + file.path
        let parent = file.path.utf8.lastIndex(of: UInt8(ascii: "/")).map { folder + "/" + file.path[..<$0] }
        do throws(FileError) {
            // Created under the lock, so no thread writes into a folder another thread is still creating.
            if let parent {
                lock.lock()
                defer { lock.unlock() }
                if folders.insert(ExactPath(parent)).inserted { try disk.createFolders(parent) }
            }
            if previous?.contains(ExactPath(file.path)) == true, carryOver(file, to: path) {
                // Carried over unchanged.
            } else {
                switch file.contents {
                case .bytes(let bytes): try disk.write(bytes, to: path)
                case .copy(let source): try disk.copy(source.path, to: path)
                case .previous(let source): try disk.copy(source, to: path)
                }
            }
        } catch {
            throw SitegenError(writer.failure(error))
        }
        // Taken here, on the thread that wrote the file, for the build record: the swap renames the folder, which
        // leaves each file's stamp as it is.
        let stamp = FileStamp.of(path)
        lock.withLock {
            written.append(file.path)
            stamps[file.path] = stamp
        }
    }

    /// Hard-links the previous build's copy of `file` to `path` when its bytes are the same; false otherwise.
    private func carryOver(_ file: OutputFile, to path: String) -> Bool {
        let old = writer.outputPath + "/" + file.path
        guard FileBytes.equal(atPath: old, file.contents) else { return false }
        return (try? disk.link(old, to: path)) != nil
    }

    /// The stamp of each file written so far, by its path in the site, as it was just after it was written.
    var writtenStamps: [String: FileStamp] { lock.withLock { stamps } }

    /// Writes the manifest, carries over what the old output holds that sitegen did not write, and swaps the new
    /// site in; then removes the old one. Returns the paths of the files sitegen wrote. On failure before the swap
    /// the output is as it was; after it, the new site is in place and a problem removing the old copy is only
    /// noticed. `afterSwap` runs with those paths once the new site is in place, while the lock is still held (the
    /// build record is written there, so no other build can come between).
    func commit(afterSwap: @Sendable (_ written: [String]) -> Void = { _ in }) throws(SitegenError) -> [String] {
        defer { unlock() }
        let paths = lock.withLock { written.sorted() }
        let old: String?
        do throws(SitegenError) {
            do throws(FileError) {
                try disk.write(
                    Array(OutputManifest(paths: paths).text().utf8), to: folder + "/" + OutputWriter.manifestName)
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
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                if let old { writer.removeIfOurs(old, what: "the previous site, replaced by this build") }
            } else {
                afterSwap(paths)
            }
        }
        return paths
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
