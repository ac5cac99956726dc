import Foundation

/// A file for the output folder: its path there and where its bytes come from.
struct OutputFile: Sendable {
    /// Where the bytes come from.
    enum Contents: Sendable {
        /// Bytes made by the build, as rendered (no copy into `Data` for every page).
        case bytes([UInt8])
        /// A file copied as it is.
        case copy(URL)
        /// The file the last build wrote here, which its record shows is unchanged: carried over without comparing
        /// its bytes. `recorded` is what the record says of it, checked again when it is carried over.
        case previous(path: String, recorded: BuildRecord.OutputStamp?)
    }

    /// `/`-separated path under the output folder.
    var path: String
    /// Its bytes.
    var contents: Contents

    /// Creates an output file.
    init(path: String, contents: Contents) {
        self.path = path
        self.contents = contents
    }
}
