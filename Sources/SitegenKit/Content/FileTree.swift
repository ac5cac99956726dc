import Foundation

/// Lists the files of a folder tree in a stable order, so builds do not depend on the file system's order.
@_spi(Benchmark) public enum FileTree {
    /// Paths, relative to `directory` and `/`-separated, of every regular file below it, sorted; hidden files and
    /// folders (names starting with `.`) are skipped. Symbolic links are neither listed nor followed.
    public static func files(under directory: URL) -> [String] {
        var result: [String] = []
        collect(directory.path, prefix: "", into: &result)
        return result.sorted()
    }

    /// Every entry below `directory`, folders before what they hold, with what each is (links are not followed):
    /// hidden ones too, and FIFOs, sockets and devices, so nothing there is overlooked.
    /// Fails when any folder in the tree cannot be read completely.
    static func everything(under directory: String) throws(FileError) -> [(path: String, kind: Disk.Kind)] {
        var result: [(path: String, kind: Disk.Kind)] = []
        func visit(_ path: String, prefix: String) throws(FileError) {
            for (name, kind) in try Disk.entries(in: path).sorted(by: { $0.name < $1.name }) {
                result.append((prefix + name, kind))
                if kind == .folder { try visit(path + "/" + name, prefix: prefix + name + "/") }
            }
        }
        try visit(directory, prefix: "")
        return result
    }

    /// The visible files below `directory` that a build may read, each with its stamp, taken while its folder is
    /// listed (`fstatat` from the open folder, so no path is looked up again from the root). A symbolic link to a
    /// file is stamped as the file it leads to, since reading follows it (`site.yaml`, a theme's templates); with
    /// `followingFolders`, a link to a folder is listed as the folder (a theme shared by several sites), each
    /// folder once.
    /// The paths of the files among them reached through a symbolic link to a file go into `linked`: `files`
    /// leaves those out. Each path starts with `prefix`, put on by the thread that stamps the file.
    static func stamps(
        under directory: URL, prefix: String = "", followingFolders: Bool, linked: inout Set<String>
    ) -> [(path: String, stamp: FileStamp)] {
        var result: [(path: String, stamp: FileStamp)] = []
        var visited: Set<[UInt64]> = []
        // Without links to follow (no loop to watch for across folders), the folders in the top one are walked
        // side by side, on every core: a large site's content is tens of thousands of files, each stamped by a
        // system call.
        var below: [String]? = followingFolders ? nil : []
        collect(
            directory.path, prefix: prefix, following: followingFolders, visited: &visited, stamps: &result,
            linked: &linked, below: &below)
        // In place: a sorted copy of a large site's listing retained and released every path once more.
        result.sort { $0.path < $1.path }
        guard let below else { return result }
        // Each folder's stamps are sorted by the worker that took them. Every path in folder `name` starts with
        // `prefix` and `name/`, and any other path sorts on the same side of all of them as of that start, so each
        // folder's run goes whole between the top folder's files.
        var folders: [(key: String, stamps: [(path: String, stamp: FileStamp)])] = []
        below.parallelMap { name in
            var stamps: [(path: String, stamp: FileStamp)] = []
            var linked: Set<String> = []
            var visited: Set<[UInt64]> = []
            var none: [String]? = nil
            collect(
                directory.path + "/" + name, prefix: prefix + name + "/", following: false, visited: &visited,
                stamps: &stamps, linked: &linked, below: &none)
            stamps.sort { $0.path < $1.path }
            return (prefix + name + "/", stamps, linked)
        } each: { folder in
            folders.append((folder.0, folder.1))
            linked.formUnion(folder.2)
        }
        folders.sort { $0.key < $1.key }
        var merged: [(path: String, stamp: FileStamp)] = []
        merged.reserveCapacity(folders.reduce(result.count) { $0 + $1.stamps.count })
        var next = result.startIndex
        for folder in folders {
            while next < result.endIndex, result[next].path < folder.key {
                merged.append(result[next])
                next += 1
            }
            merged += folder.stamps
        }
        merged += result[next...]
        return merged
    }

    /// Adds the stamps of the files below `path` to `result`; with `below`, the folders in `path` are named there
    /// rather than walked.
    private static func collect(
        _ path: String, prefix: String, following: Bool, visited: inout Set<[UInt64]>,
        stamps result: inout [(path: String, stamp: FileStamp)], linked: inout Set<String>,
        below: inout [String]?
    ) {
        guard let folder = opendir(path) else { return }
        defer { closedir(folder) }
        let descriptor = dirfd(folder)
        var own = stat()
        // A loop of folder links would otherwise be listed forever.
        guard fstat(descriptor, &own) == 0,
            visited.insert([UInt64(truncatingIfNeeded: own.st_dev), UInt64(truncatingIfNeeded: own.st_ino)]).inserted
        else { return }
        while let entry = readdir(folder) {
            let nameBytes = Disk.name(of: entry)
            guard nameBytes.pointee != CChar(UInt8(ascii: ".")) else { continue }
            var status = stat()
            guard fstatat(descriptor, nameBytes, &status, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            var isLink = false
            if status.st_mode & S_IFMT == S_IFLNK {
                isLink = true
                guard fstatat(descriptor, nameBytes, &status, 0) == 0 else { continue }
            }
            let name = String(cString: nameBytes)
            switch status.st_mode & S_IFMT {
            case S_IFDIR where !isLink || following:
                guard below == nil else {
                    below?.append(name)
                    continue
                }
                collect(
                    path + "/" + name, prefix: prefix + name + "/", following: following, visited: &visited,
                    stamps: &result, linked: &linked, below: &below)
            case S_IFREG:
                result.append((prefix + name, FileStamp(status)))
                if isLink { linked.insert(prefix + name) }
            default: break
            }
        }
    }

    /// Adds the visible regular files below `path` to `result`, each as `prefix` followed by its path under `path`.
    private static func collect(_ path: String, prefix: String, into result: inout [String]) {
        // readdir's entry type spares the stat per file that FileManager's enumerator attributes cost.
        guard let folder = opendir(path) else { return }
        defer { closedir(folder) }
        while let entry = readdir(folder) {
            let name = String(cString: Disk.name(of: entry))
            if name.hasPrefix(".") { continue }
            let full = path + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == DT_UNKNOWN {
                // Some file systems do not fill in the type.
                var status = stat()
                guard lstat(full, &status) == 0 else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFDIR: type = Int32(DT_DIR)
                case S_IFREG: type = Int32(DT_REG)
                default: type = Int32(DT_UNKNOWN)
                }
            }
            if type == DT_DIR {
                collect(full, prefix: prefix + name + "/", into: &result)
            } else if type == DT_REG {
                result.append(prefix + name)
            }
        }
    }
}
