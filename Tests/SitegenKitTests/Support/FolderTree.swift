import Foundation

/// One entry of a folder tree as a test compares it: folders, files with their bytes, links with their targets.
enum TreeEntry: Equatable, CustomStringConvertible {
    case folder
    case file(Data)
    case link(String)
    case other

    var description: String {
        switch self {
        case .folder: "folder"
        case .file(let data): "file of \(data.count) bytes"
        case .link(let target): "link to \(target)"
        case .other: "special file"
        }
    }
}

/// Everything below `folder`, hidden entries, empty folders, links and FIFOs included: what "nothing lost" is
/// checked against.
func folderTree(_ folder: URL) -> [String: TreeEntry] {
    var result: [String: TreeEntry] = [:]
    func visit(_ path: String, prefix: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for name in names {
            let full = path + "/" + name
            var status = stat()
            guard lstat(full, &status) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                result[prefix + name] = .folder
                visit(full, prefix: prefix + name + "/")
            case S_IFREG:
                result[prefix + name] = .file((try? Data(contentsOf: URL(fileURLWithPath: full))) ?? Data())
            case S_IFLNK:
                result[prefix + name] = .link((try? FileManager.default.destinationOfSymbolicLink(atPath: full)) ?? "")
            default:
                result[prefix + name] = .other
            }
        }
    }
    visit(folder.standardizedFileURL.path, prefix: "")
    return result
}

/// What sitegen keeps beside `output` other than its lock file: staging folders and old copies an interrupted or
/// failed build left behind.
func leftovers(beside output: URL) -> [String] {
    let parent = output.deletingLastPathComponent().path
    let prefix = ".\(output.lastPathComponent).sitegen-"
    return ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []).filter {
        // The lock and the build record stay beside the output on purpose.
        $0.hasPrefix(prefix) && $0 != prefix + "lock" && $0 != prefix + "record"
    }
}
