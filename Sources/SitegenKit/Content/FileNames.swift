import Foundation

/// Checks the names of the files a site is built from, before anything uses them as keys: a name with a control
/// character cannot be listed safely, and two names that differ only in case or in Unicode normalization
/// (é as one code point or as e and an accent) are two files on Linux but one on macOS, Windows and many hosts,
/// and one key to Swift's `String` comparison.
enum FileNames {
    /// One problem per bad name or group of colliding names. `paths` are `/`-separated under the folder shown as
    /// `displayName`; `output` gives the output path of each.
    static func problems(in paths: [String], displayName: String, output: @Sendable (String) -> String)
        -> [Diagnostic]
    {
        var problems: [Diagnostic] = []
        // Each folded name's first path and where it came; a group only for a name that more paths fold to.
        var firsts: [String: (path: String, position: Int)] = [:]
        var groups: [String: (position: Int, paths: [String])] = [:]
        // Folders too: `Notes/a.md` and `notes/b.md` are in one folder on those systems.
        var folders: [String: [ExactPath]] = [:]
        var folderOrder: [String] = []
        // A large site has many pages to a folder: each folder's names are looked at once, with its first page.
        var parents: Set<ExactPath> = []
        var lastParent: Substring = ""
        // Each name is checked and folded on every core, and only grouped on this one: a large site has tens of
        // thousands of names, and this runs before anything else can.
        var looked: [(problem: Diagnostic?, key: String)] = []
        looked.reserveCapacity(paths.count)
        paths.parallelMap { path in
            if let problem = controlCharacterProblem(path, shownAs: "\(displayName)/\(path)") {
                return (problem, "")
            }
            return (nil, folded(output(path)))
        } each: {
            looked.append($0)
        }
        for (position, path) in paths.enumerated() {
            if let problem = looked[position].problem {
                problems.append(problem)
                continue
            }
            let key = looked[position].key
            if let first = firsts[key] {
                groups[key, default: (first.position, [first.path])].paths.append(path)
            } else {
                firsts[key] = (path, position)
            }
            // Sorted paths come a folder at a time: a page in the folder of the one before needs no lookup.
            guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { continue }
            let parent = path[..<slash]
            guard !parent.utf8.elementsEqual(lastParent.utf8) else { continue }
            lastParent = parent
            guard parents.insert(ExactPath(String(parent))).inserted else { continue }
            var prefix = ""
            for part in path.split(separator: "/").dropLast() {
                prefix += prefix.isEmpty ? String(part) : "/" + part
                let folderKey = folded(prefix)
                if folders[folderKey] == nil { folderOrder.append(folderKey) }
                if folders[folderKey]?.contains(ExactPath(prefix)) != true {
                    folders[folderKey, default: []].append(ExactPath(prefix))
                }
            }
        }
        for key in folderOrder {
            guard let group = folders[key], group.count > 1 else { continue }
            let named = group.map { "\(displayName)/\($0.string)/" }
            let onlyNormalization = Set(group.map { Array($0.string.precomposedStringWithCanonicalMapping.utf8) })
            problems.append(
                Diagnostic(
                    SourceLocation(file: named[0]),
                    "the folders \(named.joined(separator: " and ")) differ only in "
                        + (onlyNormalization.count == 1
                            ? "how their accented letters are encoded (Unicode normalization)" : "upper and lower case")
                        + ", so on macOS, Windows and many web hosts they would be one folder",
                    hint: "move the files into one of them"))
        }
        // In the order of each group's first path.
        for group in groups.values.sorted(by: { $0.position < $1.position }).map(\.paths) {
            let named = group.map { "\(displayName)/\($0)" }
            let outputs = Set(group.map { Array(output($0).utf8) })
            let onlyNormalization = Set(group.map { Array(output($0).precomposedStringWithCanonicalMapping.utf8) })
            let message =
                outputs.count == 1
                ? "\(named.joined(separator: " and ")) both produce the output file \(output(group[0]))"
                : "\(named.joined(separator: " and ")) differ only in "
                    + (onlyNormalization.count == 1
                        ? "how their accented letters are encoded (Unicode normalization)"
                        : "upper and lower case")
                    + ", so on macOS, Windows and many web hosts they would be one file"
            problems.append(
                Diagnostic(
                    SourceLocation(file: named[0]), message,
                    hint: "rename one of them so that their names differ in more than that"))
        }
        return problems
    }

    /// The problem with a name that holds a control character, if it does; `shown` is how messages name it (made
    /// only for a problem).
    static func controlCharacterProblem(_ path: String, shownAs shown: @autoclosure () -> String) -> Diagnostic? {
        guard path.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return nil }
        return Diagnostic(
            SourceLocation(file: escaped(shown())),
            "this file's name holds a control character (such as a line break or tab)",
            hint: "rename it using letters, digits, spaces and punctuation")
    }

    /// The name as case-insensitive, normalization-insensitive file systems compare names.
    static func folded(_ path: String) -> String {
        // Every name of a large site passes here, usually plain ASCII: that needs no Unicode tables.
        // A name in lower case already, as most are, is its own answer: no new string.
        var contiguous = path
        let ascii = contiguous.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            guard bytes.contains(where: { (0x41...0x5A).contains($0) }) else { return path }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for (index, byte) in bytes.enumerated() {
                    buffer[index] = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
                }
                return bytes.count
            }
        }
        return ascii ?? path.precomposedStringWithCanonicalMapping.lowercased()
    }

    /// A name with its control characters written as escapes, so a message about it stays on one line.
    static func escaped(_ path: String) -> String {
        path.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? $0.escaped(asASCII: true) : String($0) }
            .joined()
    }
}
