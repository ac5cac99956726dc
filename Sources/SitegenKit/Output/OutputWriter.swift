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

    /// Starts a new site beside the output folder. Files go in with `write` (from any thread) and the site
    /// replaces the output folder only on `commit`; `discard` drops it and leaves the output as it was.
    public func begin() throws(Diagnostic) -> OutputStaging {
        let parent = output.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).sitegen-staging")
        let retired = parent.appendingPathComponent(".\(output.lastPathComponent).sitegen-old")
        let previous = try previousManifest()
        do {
            try removeOwnLeftover(staging)
            try removeOwnLeftover(retired)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw failure(error)
        }
        return OutputStaging(writer: self, folder: staging, retired: retired, previous: previous)
    }

    /// An I/O error as a diagnostic on the output folder.
    func failure(_ error: any Error) -> Diagnostic {
        if let diagnostic = error as? Diagnostic { return diagnostic }
        return Diagnostic(SourceLocation(file: displayPath), "cannot write the site: \(error.localizedDescription)")
    }

    /// The paths sitegen wrote last time; nil when there is no output yet. An existing folder without a
    /// manifest is accepted only when empty, since its files are someone else's.
    private func previousManifest() throws(Diagnostic) -> Set<String>? {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else { return nil }
        let manifestURL = output.appendingPathComponent(Self.manifestName)
        guard let data = fileManager.contents(atPath: manifestURL.path), let text = String(data: data, encoding: .utf8)
        else {
            if FileTree.entries(under: output).isEmpty { return [] }
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

    private static func canonical(_ url: URL) -> String {
        url.standardizedFileURL.resolvingSymlinksInPath().path
    }
}
