import Foundation

/// The manifest as a build record vouches for it (`BuildRecord.Edit.vouchedManifest`): while the file has
/// `stamp`, it lists exactly `paths`, as this sitegen writes them.
struct VouchedManifest: Sendable {
    var paths: Set<ExactPath>
    var stamp: FileStamp
}

/// The list, kept in the output folder, of the files sitegen wrote there: a build replaces or removes only these.
/// One path a line; a path holding `%`, a line break or another control character, or starting with `#`, is
/// percent-encoded, so no file name can break a line in two or read as a comment (and make a later build remove a
/// file it did not write, or refuse one it did).
struct OutputManifest: Equatable, Sendable {
    /// The file's name inside the output folder.
    static let fileName = ".sitegen-manifest"

    private static let header = "# Files written by sitegen. It replaces only these; anything else here is kept."
    /// Marks the encoded form; manifests written before it hold raw paths and no second comment line.
    private static let encodedHeader =
        "# Paths are percent-encoded where they hold %, a line break or a control character."

    /// `/`-separated paths under the output folder, compared byte for byte.
    var paths: Set<ExactPath>

    /// The manifest's text.
    func text() -> String {
        String(decoding: Self.bytes(sortedPaths: paths.map(\.string).sorted()), as: UTF8.self)
    }

    /// The text, as bytes, of the manifest of `paths`, which come sorted and each once (as a staging lists its
    /// files): a large site's manifest has a line for every file, so no set of them is made.
    static func bytes(sortedPaths paths: [String]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(paths.reduce(header.utf8.count + encodedHeader.utf8.count + 2) { $0 + $1.utf8.count + 1 })
        for line in [header, encodedHeader] + paths.map(encode) {
            bytes += line.utf8
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    /// Reads the text of a manifest; nil when it is damaged (not UTF-8, or an encoded line that does not decode).
    init?(text bytes: [UInt8]) {
        // Split as bytes, not as a String (by grapheme): a large site's manifest has a line for every file.
        var lines: [String] = []
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            if end > start {
                guard let line = String(validating: bytes[start..<end], as: UTF8.self) else { return nil }
                lines.append(line)
            }
            start = end + 1
        }
        let encoded = lines.dropFirst().first.map { $0 == Self.encodedHeader } ?? false
        var paths: Set<ExactPath> = []
        paths.reserveCapacity(lines.count)
        for line in lines where !line.hasPrefix("#") {
            guard let path = encoded ? Self.decode(Substring(line)) : line else { return nil }
            paths.insert(ExactPath(path))
        }
        self.paths = paths
    }

    init(paths: some Sequence<String>) {
        self.paths = Set(paths.map(ExactPath.init))
    }

    /// Reads the manifest in `folder`: nil when there is none, `.damaged` when it cannot be read.
    static func read(inFolder folder: String) -> Result<OutputManifest, Damaged>? {
        let path = folder + "/" + fileName
        guard Disk.kind(of: path) != .missing else { return nil }
        guard let bytes = FileBytes.read(atPath: path), let manifest = OutputManifest(text: bytes) else {
            return .failure(Damaged())
        }
        return .success(manifest)
    }

    /// A manifest that exists but cannot be read.
    struct Damaged: Error {}

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "%")
    }

    static func encode(_ path: String) -> String {
        // A leading `#` is escaped too, or the line would read as a comment.
        guard path.utf8.contains(where: needsEscape) || path.hasPrefix("#") else { return path }
        var bytes: [UInt8] = []
        for (index, byte) in path.utf8.enumerated() {
            if needsEscape(byte) || (index == 0 && byte == UInt8(ascii: "#")) {
                bytes +=
                    Array("%".utf8) + Array(String(byte >> 4, radix: 16, uppercase: true).utf8)
                    + Array(String(byte & 0xF, radix: 16, uppercase: true).utf8)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func decode(_ line: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(line.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            else { return nil }
            bytes.append(value)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
