import Foundation

/// A file-system call that failed: what sitegen was doing, to which path, and the system's error number. Its
/// description says the cause in words people act on ("the disk is full", "permission denied"), never a library's
/// error domain and code.
struct FileError: Error, Sendable, CustomStringConvertible {
    /// What sitegen was doing, as a verb phrase: "write", "create the folder", "remove".
    var action: String
    /// The path it was working on.
    var path: String
    /// The `errno` value.
    var code: Int32

    /// A failure of `action` on `path`, with the current `errno`.
    static func current(_ action: String, _ path: String) -> FileError {
        FileError(action: action, path: path, code: errno)
    }

    /// The cause in plain words.
    var reason: String {
        switch code {
        case ENOSPC: "the disk is full"
        case EDQUOT: "the disk quota is used up"
        case EACCES, EPERM: "permission denied"
        case EROFS: "the file system is read-only"
        case ENOENT: "no such file or folder"
        case ENOTDIR: "a part of the path is a file, not a folder"
        case EISDIR: "it is a folder"
        case EEXIST: "something already exists there"
        case ENOTEMPTY: "the folder is not empty"
        case EXDEV, EBUSY: "it is on another file system or a mount point"
        case EMFILE, ENFILE: "too many files are open"
        case ENAMETOOLONG: "the name is too long"
        case EIO: "an input/output error from the disk"
        case EILSEQ: "it holds a file whose name is not valid UTF-8"
        default: String(cString: strerror(code))
        }
    }

    /// What the author can do about it.
    var hint: String {
        switch code {
        case ENOSPC, EDQUOT: "free some space and build again; the previous output was left as it was"
        case EACCES, EPERM, EROFS: "check the folder's permissions (and `lsattr` for immutable files)"
        case EXDEV, EBUSY: "build into a folder inside the mount point, not the mount point itself"
        case EILSEQ: "rename that file (its name is shown with \u{FFFD} where it cannot be read), or move it elsewhere"
        default: "check the path and build again"
        }
    }

    var description: String { "cannot \(action) \(path): \(reason)" }
}
