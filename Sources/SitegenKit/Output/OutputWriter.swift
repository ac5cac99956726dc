import Foundation

/// The one place that writes files. It builds the new site beside the output folder and swaps it in only when
/// every file is written, so a failed build leaves the previous output exactly as it was. It replaces only files
/// it wrote before (listed in its manifest) and refuses to touch anything else.
public struct OutputWriter: Sendable {
    /// Name of the file, inside the output folder, listing what sitegen wrote there.
    public static let manifestName = ".sitegen-manifest"

    /// The output folder.
    public var output: URL
    /// How the output folder is named in messages.
    public var displayPath: String

    /// Creates a writer for `output`.
    public init(output: URL, displayPath: String) {
        self.output = output.standardizedFileURL
        self.displayPath = displayPath
    }

    /// Refuses output folders where the swap could destroy the project's own files: the project root, `content/`,
    /// `themes/`, any folder holding them, and any folder inside the sources.
    public func checkPlacement(projectRoot: URL, protected: [URL]) throws(Diagnostic) {
        let target = Self.canonical(output)
        for folder in [projectRoot] + protected {
            let folderPath = Self.canonical(folder)
            if target == folderPath || folderPath.hasPrefix(target + "/")
                || (folder != projectRoot && target.hasPrefix(folderPath + "/"))
            {
                throw Diagnostic(
                    SourceLocation(file: displayPath),
                    "refusing to write the site to \(displayPath): it is or holds the project's own files (\(folder.lastPathComponent))",
                    hint: "choose a folder of its own, such as output/")
            }
        }
    }

    /// Writes `files` as the whole new content of the output folder. Returns how many files were written.
    @discardableResult
    public func write(_ files: [OutputFile]) throws(Diagnostic) -> Int {
        let fileManager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).sitegen-staging")
        let retired = parent.appendingPathComponent(".\(output.lastPathComponent).sitegen-old")
        do {
            let previous = try previousManifest()
            try removeOwnLeftover(staging)
            try removeOwnLeftover(retired)
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            do {
                try stage(files, in: staging, previous: previous)
            } catch {
                try? fileManager.removeItem(at: staging)
                throw error
            }
            if fileManager.fileExists(atPath: output.path) {
                try fileManager.moveItem(at: output, to: retired)
                try fileManager.moveItem(at: staging, to: output)
                try fileManager.removeItem(at: retired)
            } else {
                try fileManager.moveItem(at: staging, to: output)
            }
        } catch let error as Diagnostic {
            throw error
        } catch {
            throw Diagnostic(SourceLocation(file: displayPath), "cannot write the site: \(error.localizedDescription)")
        }
        return files.count
    }

    /// Writes the new files and the manifest into `staging`, then carries over the files in the old output that
    /// sitegen did not write, so the swap loses none of them.
    private func stage(_ files: [OutputFile], in staging: URL, previous: Set<String>?) throws {
        let fileManager = FileManager.default
        var folders: Set<String> = []
        for file in files {
            let url = staging.appendingPathComponent(file.path)
            let folder = url.deletingLastPathComponent()
            if folders.insert(folder.path).inserted {
                try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
            }
            // A file whose bytes did not change is carried over as a hard link to the old one, so the swap
            // leaves it untouched (same inode, same modification time) and nothing is rewritten.
            let old = output.appendingPathComponent(file.path)
            if previous?.contains(file.path) == true, FileBytes.equal(old, file.contents),
                (try? fileManager.linkItem(at: old, to: url)) != nil
            {
                continue
            }
            switch file.contents {
            case .data(let data): try FileBytes.write(data, to: url)
            case .copy(let source): try fileManager.copyItem(at: source, to: url)
            }
        }
        let manifest =
            "# Files written by sitegen. It replaces only these; anything else here is kept.\n"
            + files.map(\.path).sorted().map { $0 + "\n" }.joined()
        try Data(manifest.utf8).write(to: staging.appendingPathComponent(Self.manifestName))

        guard let previous else { return }
        let written = Set(files.map(\.path))
        for path in Self.allFiles(under: output) where !previous.contains(path) && path != Self.manifestName {
            if written.contains(path) {
                throw Diagnostic(
                    SourceLocation(file: "\(displayPath)/\(path)"),
                    "the build would overwrite \(displayPath)/\(path), which sitegen did not write",
                    hint: "move that file elsewhere, or rename the page or asset that produces it")
            }
            let url = staging.appendingPathComponent(path)
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fileManager.copyItem(at: output.appendingPathComponent(path), to: url)
        }
    }

    /// The paths sitegen wrote last time; nil when there is no output yet. An existing folder without a
    /// manifest is accepted only when empty, since its files are someone else's.
    private func previousManifest() throws(Diagnostic) -> Set<String>? {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else { return nil }
        let manifestURL = output.appendingPathComponent(Self.manifestName)
        guard let data = fileManager.contents(atPath: manifestURL.path), let text = String(data: data, encoding: .utf8)
        else {
            if Self.allFiles(under: output).isEmpty { return [] }
            throw Diagnostic(
                SourceLocation(file: displayPath),
                "\(displayPath) already holds files that sitegen did not write",
                hint: "choose an empty or new folder with --output, or empty this one yourself")
        }
        return Set(text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init))
    }

    /// Removes a staging or retired folder left by an interrupted build; these names are sitegen's own.
    private func removeOwnLeftover(_ url: URL) throws {
        if FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.removeItem(at: url)
        }
    }

    /// Every file below `directory`, hidden ones included, as sorted relative paths.
    static func allFiles(under directory: URL) -> [String] {
        let base = canonical(directory)
        guard
            let enumerator = FileManager.default.enumerator(
                at: directory, includingPropertiesForKeys: [.isDirectoryKey])
        else { return [] }
        var result: [String] = []
        for case let url as URL in enumerator
        where (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == false {
            let path = canonical(url)
            if path.hasPrefix(base + "/") { result.append(String(path.dropFirst(base.count + 1))) }
        }
        return result.sorted()
    }

    private static func canonical(_ url: URL) -> String {
        url.standardizedFileURL.resolvingSymlinksInPath().path
    }
}
