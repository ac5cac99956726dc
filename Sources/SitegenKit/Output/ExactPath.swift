/// A path compared byte for byte. Swift's `String` equality is canonical equivalence, so "café" with a composed é
/// and with e plus an accent are one `String` but two files on Linux: a set of `String` paths could take a file of
/// the author's for one of sitegen's and replace it.
struct ExactPath: Hashable, Sendable {
    /// The path's UTF-8 bytes.
    let bytes: [UInt8]

    init(_ path: String) {
        bytes = Array(path.utf8)
    }

    /// The path as text.
    var string: String { String(decoding: bytes, as: UTF8.self) }
}
