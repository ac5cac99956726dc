import Foundation

/// A new site being written beside the output folder (see `OutputWriter.begin()`). Pages can be written as soon
/// as they are rendered, from any thread, so a build never holds the whole site in memory.
public final class OutputStaging: @unchecked Sendable {
    // Mutable state is guarded by `lock`; file contents are written outside it.
    private let lock = NSLock()
    private var written: [String] = []
    private var folders: Set<String> = []
    private let writer: OutputWriter
    private let folder: URL
    private let folderPath: String
    private let retired: URL
    private let previous: Set<String>?

    init(writer: OutputWriter, folder: URL, retired: URL, previous: Set<String>?) {
        self.writer = writer
        self.folder = folder
        self.folderPath = folder.path
        self.retired = retired
        self.previous = previous
    }

    /// Adds one file. A file whose bytes did not change since the last build is carried over as a hard link to
    /// the old one, so the swap leaves it untouched (same inode and modification time).
    public func write(_ file: OutputFile) throws(Diagnostic) {
        let fileManager = FileManager.default
        // Paths as strings: every page comes through here, and URL's appendingPathComponent costs a stat each.
        let path = folderPath + "/" + file.path
        let parent = file.path.utf8.lastIndex(of: UInt8(ascii: "/")).map { folderPath + "/" + file.path[..<$0] }
        do {
            // Created under the lock, so no thread writes into a folder another thread is still creating.
            try lock.withLock {
                if let parent, folders.insert(parent).inserted {
                    try fileManager.createDirectory(atPath: parent, withIntermediateDirectories: true)
                }
            }
            if previous?.contains(file.path) == true, carryOver(file, to: path) {
                // Carried over unchanged.
            } else {
                switch file.contents {
                case .bytes(let bytes): try FileBytes.write(bytes, toPath: path)
                case .copy(let source):
                    try fileManager.copyItem(at: source, to: URL(fileURLWithPath: path, isDirectory: false))
                }
            }
        } catch {
            throw writer.failure(error)
        }
        lock.withLock { written.append(file.path) }
    }

    /// Hard-links the previous build's copy of `file` to `path` when its bytes are the same; false otherwise.
    private func carryOver(_ file: OutputFile, to path: String) -> Bool {
        let old = writer.output.path + "/" + file.path
        return FileBytes.equal(atPath: old, file.contents) && link(old, path) == 0
    }

    /// Writes the manifest, carries over the files in the old output that sitegen did not write, and swaps the new
    /// site in. Returns how many files sitegen wrote.
    public func commit() throws(Diagnostic) -> Int {
        let fileManager = FileManager.default
        let output = writer.output
        let paths = lock.withLock { written.sorted() }
        do {
            let manifest =
                "# Files written by sitegen. It replaces only these; anything else here is kept.\n"
                + paths.map { $0 + "\n" }.joined()
            try FileBytes.write(Data(manifest.utf8), to: folder.appendingPathComponent(OutputWriter.manifestName))
            if let previous {
                let ours = Set(paths)
                for path in FileTree.entries(under: output)
                where !previous.contains(path) && path != OutputWriter.manifestName {
                    if ours.contains(path) {
                        throw Diagnostic(
                            SourceLocation(file: "\(writer.displayPath)/\(path)"),
                            "the build would overwrite \(writer.displayPath)/\(path), which sitegen did not write",
                            hint: "move that file elsewhere, or rename the page or asset that produces it")
                    }
                    let url = folder.appendingPathComponent(path)
                    try fileManager.createDirectory(
                        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try fileManager.copyItem(at: output.appendingPathComponent(path), to: url)
                }
            }
            if fileManager.fileExists(atPath: output.path) {
                try fileManager.moveItem(at: output, to: retired)
                try fileManager.moveItem(at: folder, to: output)
                try fileManager.removeItem(at: retired)
            } else {
                try fileManager.moveItem(at: folder, to: output)
            }
        } catch {
            discard()
            throw writer.failure(error)
        }
        return paths.count
    }

    /// Drops the new site; the output folder stays exactly as it was.
    public func discard() {
        try? FileManager.default.removeItem(at: folder)
    }
}
