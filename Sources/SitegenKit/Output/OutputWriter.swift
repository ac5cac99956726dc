import Foundation

/// The one place that writes the site. It writes the new site's changed files into a staging folder beside the
/// output folder and puts them in only when every file is written, in one atomic step: the whole site swapped in,
/// or a single changed file renamed over its old copy. So a failed build leaves the previous output exactly as it
/// was. It replaces only files it wrote before (listed in its manifest) and carries everything else over. Builds
/// into one output folder take turns, through a lock file beside it.
struct OutputWriter: Sendable {
    /// Name of the file, inside the output folder, listing what sitegen wrote there.
    static let manifestName = OutputManifest.fileName
    /// Inside a staging folder until just before the swap: proves that the folder and what it holds are sitegen's.
    static let stagingMarker = ".sitegen-staging"

    /// The output folder.
    let output: URL
    /// How the output folder is named in messages.
    var displayPath: String
    /// Where the writer's changes go; tests inject faults here.
    var disk: Disk = .live
    /// Told what the writer does besides writing: waiting for another build, clearing up after an interrupted one.
    var notice: (@Sendable (String) -> Void)?

    /// Creates a writer for `output`.
    init(output: URL, displayPath: String) {
        self.output = output.standardizedFileURL
        self.displayPath = displayPath
        // Kept as strings: every file a build writes or carries over is named from them.
        outputPath = self.output.path
        parentPath = self.output.deletingLastPathComponent().path
    }

    let outputPath: String
    let parentPath: String
    /// What every name sitegen keeps beside the output folder starts with.
    var siblingPrefix: String { ".\(output.lastPathComponent).sitegen-" }
    var lockPath: String { parentPath + "/" + siblingPrefix + "lock" }

    /// Refuses, before anything is read or written, an output that is the file system's root, the project root,
    /// `content/`, `themes/`, a folder holding any of them or inside the sources, a symbolic link, or anything but a
    /// folder.
    func checkPlacement(projectRoot: URL, protected: [URL]) throws(SitegenError) {
        let target = Self.canonical(output)
        func refuse(_ why: String, hint: String = "choose a folder of its own, such as output/") -> Diagnostic {
            Diagnostic(
                SourceLocation(file: displayPath), "refusing to write the site to \(displayPath): \(why)", hint: hint)
        }
        if target == "/" { throw SitegenError(refuse("it is the root of the file system")) }
        for folder in [projectRoot] + protected {
            let folderPath = Self.canonical(folder)
            if target == folderPath || folderPath.hasPrefix(target + "/")
                || (folder != projectRoot && target.hasPrefix(folderPath + "/"))
            {
                throw SitegenError(refuse("it is or holds the project's own files (\(folder.lastPathComponent))"))
            }
        }
        switch Disk.kind(of: outputPath) {
        case .missing, .folder: break
        case .link:
            throw SitegenError(
                refuse(
                    "it is a symbolic link (to \(Self.canonical(output))), which the build would replace with a folder",
                    hint: "pass the folder it points to: --output \(Self.canonical(output))"))
        case .file, .other:
            throw SitegenError(refuse("it is a file, not a folder", hint: "choose a new or empty folder with --output"))
        }
    }

    /// Starts a new site beside the output folder, once no other build is writing there. Files go in with `write`
    /// (from any thread) and the site replaces the output folder only on `commit`; `discard` drops it and leaves the
    /// output as it was.
    func begin() throws(SitegenError) -> OutputStaging {
        try begin(holding: try lock())
    }

    /// Waits until no other build is writing into the output folder, and keeps others out until the descriptor it
    /// returns is closed (by `begin(holding:)`'s staging, or by the caller).
    func lock() throws(SitegenError) -> Int32 {
        do throws(FileError) {
            try disk.createFolders(parentPath)
            return try disk.lock(lockPath) {
                notice?("waiting for another sitegen build into \(displayPath)/ to finish")
            }
        } catch {
            throw SitegenError(failure(error))
        }
    }

    /// `begin()` for a build that already holds the output's `lock`; the staging closes it when done. With
    /// `vouched`, what a build record vouches for of the manifest, the manifest is not read: the staging checks
    /// its stamp instead, before it relies on it.
    func begin(holding lock: Int32, vouched: VouchedManifest? = nil) throws(SitegenError) -> OutputStaging {
        do throws(SitegenError) {
            try recoverInterruptedBuild()
            let known = vouched.flatMap { Disk.kind(of: outputPath) == .folder ? $0.paths : nil }
            let previous: Set<ExactPath>?
            if let known { previous = known } else { previous = try previousManifest() }
            let staging = parentPath + "/" + siblingPrefix + "new-" + Self.token()
            do throws(FileError) {
                try disk.createFolder(staging)
            } catch {
                throw SitegenError(failure(error))
            }
            do throws(FileError) {
                try disk.write([], to: staging + "/" + Self.stagingMarker, exclusive: true)
            } catch {
                rmdir(staging)
                throw SitegenError(failure(error))
            }
            return OutputStaging(
                writer: self, folder: staging, previous: previous, manifestStamp: known == nil ? nil : vouched?.stamp,
                lock: lock)
        } catch {
            close(lock)
            throw error
        }
    }

    /// A file-system error as a diagnostic on the output folder. A path inside a staging folder is named as the
    /// output path it stands for; `state` says what the output folder holds now.
    func failure(_ error: FileError, state: String? = nil) -> Diagnostic {
        var error = error
        if let name = error.path.utf8.starts(with: (parentPath + "/" + siblingPrefix).utf8) ? error.path : nil,
            let rest = name.dropFirst(parentPath.count + 1 + siblingPrefix.count).split(
                separator: "/", maxSplits: 1
            ).dropFirst().first
        {
            error.path = "\(displayPath)/\(rest)"
        }
        let hint =
            state == nil ? error.hint : "the next build puts the previous site back; \(error.hint.lowercased())"
        return Diagnostic(
            SourceLocation(file: displayPath),
            "\(error.description); \(state ?? "the previous output was left as it was")", hint: hint)
    }

    /// The paths sitegen wrote last time; nil when there is no output yet. An existing folder without a manifest is
    /// accepted only when it holds nothing at all (not even an empty folder), since anything there is someone else's.
    private func previousManifest() throws(SitegenError) -> Set<ExactPath>? {
        switch Disk.kind(of: outputPath) {
        case .missing: return nil
        case .folder: break
        default:
            throw SitegenError(
                Diagnostic(
                    SourceLocation(file: displayPath), "\(displayPath) is no longer a folder",
                    hint: "something replaced it while the build started; choose a new or empty folder with --output"))
        }
        switch OutputManifest.read(inFolder: outputPath) {
        case .success(let manifest): return manifest.paths
        case .failure:
            throw SitegenError(
                Diagnostic(
                    SourceLocation(file: "\(displayPath)/\(Self.manifestName)"),
                    "the list of files sitegen wrote here is damaged, so sitegen cannot tell its files from yours",
                    hint: "move the files you added to \(displayPath)/ elsewhere, delete the folder, and build again"))
        case nil:
            let names: [String]
            do throws(FileError) {
                names = try Disk.names(in: outputPath)
            } catch {
                throw SitegenError(failure(error))
            }
            if names.isEmpty { return [] }
            throw SitegenError(
                Diagnostic(
                    SourceLocation(file: displayPath),
                    "\(displayPath) already holds things that sitegen did not write (\(names.sorted().prefix(3).joined(separator: ", ")))",
                    hint: "choose an empty or new folder with --output, or empty this one yourself"))
        }
    }

    /// Deals with what an interrupted build left beside the output folder: puts a previous site back where a build
    /// stopped between its two renames, and removes staging folders and old copies that provably hold nothing but
    /// sitegen's files (or copies of files still in the output). Anything else is kept, and the notice says so.
    private func recoverInterruptedBuild() throws(SitegenError) {
        let names: [String]
        do throws(FileError) {
            names = try Disk.names(in: parentPath)
        } catch {
            throw SitegenError(failure(error))
        }
        removeRecordLeftovers(among: names)
        let leftovers = names.filter(isLeftoverName).filter { Disk.kind(of: parentPath + "/" + $0) == .folder }
        guard !leftovers.isEmpty else { return }
        var remaining = leftovers
        // Only the two-rename swap leaves an old copy with the output missing; the newest such copy (a rename
        // changes a folder's status time) is the site the output held.
        let candidates = leftovers.filter {
            Array($0.utf8).starts(with: Array((siblingPrefix + "old").utf8))
                && OutputManifest.read(inFolder: parentPath + "/" + $0) != nil
        }
        if Disk.kind(of: outputPath) == .missing, let old = candidates.max(by: { changeTime($0) < changeTime($1) }) {
            do throws(FileError) {
                try disk.rename(parentPath + "/" + old, to: outputPath)
            } catch {
                throw SitegenError(
                    failure(error, state: "\(displayPath) is missing; the previous site is at \(parentPath)/\(old)"))
            }
            notice?("put back \(displayPath)/ from the copy an interrupted build left at \(parentPath)/\(old)")
            remaining.removeAll { Array($0.utf8) == Array(old.utf8) }
        }
        for name in remaining { removeIfOurs(parentPath + "/" + name, what: "left by an interrupted build") }
    }

    /// Whether an interrupted or half-cleaned build left a staging folder or an old copy beside the output, which
    /// the next build that writes clears up.
    var hasLeftovers: Bool {
        ((try? Disk.names(in: parentPath)) ?? []).contains(where: isLeftoverName)
    }

    /// Whether `name`, beside the output folder, is one of sitegen's staging folders or old copies: the sibling
    /// prefix, byte for byte, then `new-` or `old-` and a token (or the fixed names of sitegen 0.x).
    private func isLeftoverName(_ name: String) -> Bool {
        guard let rest = afterSiblingPrefix(name) else { return false }
        if rest == "staging" || rest == "old" { return true }
        return Self.isToken(after: "new-", in: rest) || Self.isToken(after: "old-", in: rest)
    }

    /// What follows the sibling prefix in `name`, compared byte for byte; nil when `name` does not start with it.
    func afterSiblingPrefix(_ name: String) -> String? {
        let bytes = Array(name.utf8)
        let prefix = Array(siblingPrefix.utf8)
        guard bytes.starts(with: prefix) else { return nil }
        return String(decoding: bytes[prefix.count...], as: UTF8.self)
    }

    /// Whether `text` is `start` followed by a `token()`.
    static func isToken(after start: String, in text: String) -> Bool {
        guard text.hasPrefix(start) else { return false }
        let token = text.utf8.dropFirst(start.utf8.count)
        return !token.isEmpty && token.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) }
    }

    private func changeTime(_ name: String) -> Int {
        var status = stat()
        return lstat(parentPath + "/" + name, &status) == 0 ? Int(status.st_ctim.tv_sec) : 0
    }

    /// Removes a staging folder or old copy if everything in it is provably sitegen's; otherwise keeps it and says
    /// why. Never fails a build: whatever stays behind is reported and tried again by the next build.
    /// `what` says where the folder comes from, for the notices; `listed` is what its manifest lists, when this
    /// build read it already (the old copy a swap leaves is the output this build began with).
    func removeIfOurs(_ folder: String, what: String, listed: Set<ExactPath>? = nil) {
        let foreign = foreignEntries(in: folder, listed: listed)
        guard foreign.isEmpty else {
            notice?(
                "kept \(folder) (\(what)): it holds \(foreign.count) thing\(foreign.count == 1 ? "" : "s") that \(displayPath)/ does not (\(foreign.prefix(3).joined(separator: ", "))); move what you want to keep and delete the rest"
            )
            return
        }
        do throws(FileError) {
            // What proves the folder sitegen's goes last, so a removal that fails part-way can be tried again.
            try disk.removeTree(folder, last: [Self.manifestName, Self.stagingMarker])
        } catch {
            notice?("could not remove \(folder) (\(what)): \(error.reason); the next build tries again")
        }
    }

    /// The entries of `folder` that are neither sitegen's (a staging folder with its marker; a path its manifest
    /// lists, or `known` gives for it) nor the same as the entry at the same path in the output folder.
    private func foreignEntries(in folder: String, listed known: Set<ExactPath>?) -> [String] {
        guard Disk.kind(of: folder + "/" + Self.stagingMarker) != .file else { return [] }
        // The manifest is sitegen's too, when it reads.
        let listed: Set<ExactPath>?
        if let known {
            listed = known
        } else if case .success(let manifest) = OutputManifest.read(inFolder: folder) {
            listed = manifest.paths
        } else {
            listed = nil
        }
        func isListed(_ path: String) -> Bool {
            guard let listed else { return false }
            return ExactPath(path) == ExactPath(Self.manifestName) || listed.contains(ExactPath(path))
        }
        var foreign: [String] = []
        var nonEmpty: Set<ExactPath> = []
        let entries: [(path: String, kind: Disk.Kind)]
        do throws(FileError) {
            entries = try FileTree.everything(under: folder)
        } catch {
            // What cannot be listed cannot be proven sitegen's.
            return ["\(error.path) (\(error.reason))"]
        }
        for (path, _) in entries {
            if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) {
                nonEmpty.insert(ExactPath(String(path[..<slash])))
            }
        }
        for (path, kind) in entries {
            if kind == .folder {
                // A folder goes with what it holds; an empty one only when the output has it too.
                if nonEmpty.contains(ExactPath(path)) || Disk.kind(of: outputPath + "/" + path) == .folder { continue }
                foreign.append(path + "/")
            } else if !isListed(path) && !Disk.same(folder + "/" + path, outputPath + "/" + path) {
                foreign.append(path)
            }
        }
        return foreign
    }

    /// A short random name part, so that a staging folder that could not be removed never blocks a later build.
    static func token() -> String {
        String(UInt64.random(in: 0...UInt64.max), radix: 36)
    }

    private static func canonical(_ url: URL) -> String {
        url.standardizedFileURL.resolvingSymlinksInPath().path
    }
}
