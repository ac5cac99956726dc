import Foundation
import Yams

/// A YAML node together with the file it came from, so every decoding error can name `file:line:column`.
struct YAMLValue {
    /// The node itself. For YAML that `FlatYAML` read it is made when asked for: most values are only read as
    /// text, and making every page's nodes (a tag object for each key and value) was a third of the instructions
    /// of decoding its front matter.
    var node: Node {
        switch form {
        case .composed(let node): node
        case .flatScalar(let scalar): scalar.node
        case .flatMapping(let pairs, let resolver):
            Node.mapping(
                .init(pairs.map { ($0.key.node, $0.value.node) }, Tag(.implicit, resolver, Self.constructor), .any))
        }
    }
    /// The file holding it.
    let file: SourceFile
    /// Added to the node's line, for YAML that starts below the top of the file (front matter).
    let lineOffset: Int
    /// Where this node starts in the file.
    let line: Int
    let column: Int
    /// What the value was read as.
    private let form: Form

    /// A node Yams composed, or the parts of one `FlatYAML` read, which makes the same node from them on demand:
    /// its keys and values, with their positions (its nodes have no marks, which only Yams can make).
    private enum Form {
        case composed(Node)
        case flatScalar(FlatScalar)
        case flatMapping([(key: YAMLValue, value: YAMLValue)], Resolver)
    }

    /// A scalar `FlatYAML` read: its text and style, and the resolver its tag refers to, as `parse` chose it.
    private struct FlatScalar {
        let text: String
        let style: Node.Scalar.Style
        let resolver: Resolver

        var node: Node {
            Node.scalar(.init(text, Tag(style == .plain ? .implicit : .str, resolver, YAMLValue.constructor), style))
        }
    }

    /// A node Yams composed, placed by its mark.
    init(node: Node, file: SourceFile, lineOffset: Int) {
        form = .composed(node)
        self.file = file
        self.lineOffset = lineOffset
        line = (node.mark?.line ?? 1) + lineOffset
        column = node.mark?.column ?? 1
    }

    private init(form: Form, file: SourceFile, lineOffset: Int, line: Int, column: Int) {
        self.form = form
        self.file = file
        self.lineOffset = lineOffset
        self.line = line
        self.column = column
    }

    /// The mapping of `entries`, as Yams composes it: the mapping starts where its first key does, and an empty one
    /// (YAML of blank and comment lines) at the top, as `parse` places the empty mapping Yams gives none for.
    private init(flat entries: [FlatYAML.Entry], yaml: String, file: SourceFile, lineOffset: Int) {
        let resolver = Self.resolver(for: yaml)
        let pairs = entries.map { entry in
            let key = YAMLValue(
                form: .flatScalar(FlatScalar(text: entry.key, style: .plain, resolver: resolver)), file: file,
                lineOffset: lineOffset, line: entry.line + lineOffset, column: 1)
            let value = YAMLValue(
                form: .flatScalar(FlatScalar(text: entry.value, style: entry.style, resolver: resolver)), file: file,
                lineOffset: lineOffset, line: entry.line + lineOffset, column: entry.valueColumn)
            return (key: key, value: value)
        }
        self.init(
            form: .flatMapping(pairs, resolver), file: file, lineOffset: lineOffset,
            line: (entries.first?.line ?? 1) + lineOffset, column: 1)
    }

    /// The text of a scalar (what Yams' `scalar.string` gives), or nil for any other node: for a scalar `FlatYAML`
    /// read, without making its node.
    private var scalarText: String? {
        if case .flatScalar(let scalar) = form { return scalar.text }
        return node.scalar?.string
    }

    /// Parses `yaml`, which starts on line `firstLine` of `file`. Empty YAML gives an empty mapping.
    static func parse(_ yaml: String, in file: SourceFile, firstLine: Int) throws(SitegenError) -> YAMLValue {
        guard yaml.utf8.count <= Limits.bytes else {
            throw SitegenError(
                file.diagnostic(
                    line: firstLine, column: 1,
                    "this YAML is over \(Limits.bytes >> 20) MiB, more than any setting needs",
                    hint: "move long text into the page's Markdown body"))
        }
        if let entries = FlatYAML.entries(of: yaml), entries.count * 2 < Limits.values {
            return YAMLValue(flat: entries, yaml: yaml, file: file, lineOffset: firstLine - 1)
        }
        let node: Node?
        do {
            node = try compose(yaml)
        } catch let error as YamlError {
            throw SitegenError(Self.diagnostic(for: error, in: file, yaml: yaml, lineOffset: firstLine - 1))
        } catch let error as TooLarge {
            throw SitegenError(
                file.diagnostic(
                    line: error.line + firstLine - 1, column: error.column,
                    error.tooMany
                        ? "this YAML expands to more than \(Limits.values.formatted()) values (through aliases?)"
                        : "this YAML nests more than \(Limits.depth) levels deep",
                    hint: "settings and front matter need only a few levels and values; remove the aliases (`*name`)"))
        } catch {
            throw SitegenError(file.diagnostic(line: firstLine, column: 1, "cannot read YAML: \(error)"))
        }
        return YAMLValue(node: node ?? Node([(Node, Node)]()), file: file, lineOffset: firstLine - 1)
    }

    /// How much YAML sitegen reads: far beyond any real settings file or front matter, and small enough that an
    /// alias bomb (anchors that repeat each other, "billion laughs") is refused in microseconds.
    enum Limits {
        static let bytes = 1 << 20
        static let values = 100_000
        static let depth = 64
    }

    /// YAML beyond `Limits`, at the node where the count or depth ran out.
    private struct TooLarge: Error {
        let line: Int
        let column: Int
        let tooMany: Bool
    }

    /// Refuses YAML whose values, counted with every alias expanded, exceed `Limits.values`, or that nests deeper
    /// than `Limits.depth`. Yams shares an aliased node rather than copying it, but everything that walks the tree
    /// afterwards visits it once per alias.
    private static func checkBounds(_ node: Node) throws {
        var count = 0
        var stack: [(node: Node, depth: Int)] = [(node, 1)]
        while let (current, depth) = stack.popLast() {
            count += 1
            guard count <= Limits.values, depth <= Limits.depth else {
                throw TooLarge(
                    line: current.mark?.line ?? 1, column: current.mark?.column ?? 1, tooMany: count > Limits.values)
            }
            switch current {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    stack.append((key, depth + 1))
                    stack.append((value, depth + 1))
                }
            case .sequence(let sequence):
                for item in sequence { stack.append((item, depth + 1)) }
            default: break
            }
        }
    }

    /// Resolves only booleans: for YAML with aliases (see `compose`).
    private static let booleanResolver = Resolver.basic.appending(.bool)

    /// The resolver `compose` first tries for `yaml`: every alias starts with `*`, and YAML with that byte
    /// anywhere takes the boolean rule to be safe.
    private static func resolver(for yaml: String) -> Resolver {
        var text = yaml
        let hasAsterisk = text.withUTF8 {
            $0.count > 0 && memchr($0.baseAddress!, Int32(UInt8(ascii: "*")), $0.count) != nil
        }
        return hasAsterisk ? booleanResolver : .basic
    }

    /// The constructor every tag refers to. `Constructor.default` builds a new one, with its dictionaries, on every
    /// call: once per page made it a visible share of loading a site. Shared without a lock because all its state
    /// is immutable (`let` maps of functions) and sitegen never changes it.
    nonisolated(unsafe) private static let constructor = Constructor.default

    /// `Yams.compose` with the default resolver, but cheaper for the usual case.
    ///
    /// Yams' duplicate-key check hashes every mapping key, which resolves its tag by trying the resolver's regular
    /// expressions: a measurable share of loading a large site. The only tags sitegen reads are those of values,
    /// through `Bool.construct`, and Yams resolves a value's tag no earlier than something compares or hashes the
    /// value: `Bool.construct` sees a tag still implicit and reads the text alone, whatever the resolver. So YAML
    /// without aliases is composed with no rules at all. With aliases, one scalar can be both a key (its tag
    /// resolved) and a value, and only the boolean rule is used, as the default resolver would resolve booleans.
    /// Either way keys can only collide where the default resolver would also compare their tags: when two keys of
    /// one mapping have the same text. Such YAML, or any that fails, is composed again with the default resolver,
    /// so every result and error is the default one.
    private static func compose(_ yaml: String) throws -> Node? {
        // Explicit encoding: Yams' default reads the process environment on every call. Swift strings are UTF-8
        // natively, which is what the default picks anyway.
        let reduced = Result { try Yams.compose(yaml: yaml, resolver(for: yaml), constructor, .utf8) }
        if case .success(let node?) = reduced { try checkBounds(node) }
        if case .success(let node) = reduced, node.map(hasDistinctTextKeys) ?? true {
            return node
        }
        return try Yams.compose(yaml: yaml, .default, constructor, .utf8)
    }

    /// Whether every key in `node` is a scalar whose text differs from that of the other keys of its mapping.
    private static func hasDistinctTextKeys(_ node: Node) -> Bool {
        switch node {
        case .mapping(let mapping):
            var keys: [String] = []
            for (key, value) in mapping {
                guard let text = key.scalar?.string, !keys.contains(text), hasDistinctTextKeys(value) else {
                    return false
                }
                keys.append(text)
            }
            return true
        case .sequence(let sequence):
            return sequence.allSatisfy(hasDistinctTextKeys)
        default:
            return true
        }
    }

    /// A diagnostic pointing at this node.
    func error(_ message: String, hint: String? = nil) -> Diagnostic {
        file.diagnostic(line: line, column: column, message, hint: hint)
    }

    /// The node as a mapping from key to value, rejecting keys outside `allowedKeys` with a "did you mean" hint.
    func mapping(allowedKeys: [String], what: String) throws(SitegenError) -> [String: YAMLValue] {
        let pairs: [(key: YAMLValue, value: YAMLValue)]
        if case .flatMapping(let flat, _) = form {
            pairs = flat
        } else {
            guard let mapping = node.mapping else {
                throw SitegenError(error("\(what) must be a mapping of `key: value` lines"))
            }
            pairs = mapping.map { key, value in
                (
                    key: YAMLValue(node: key, file: file, lineOffset: lineOffset),
                    value: YAMLValue(node: value, file: file, lineOffset: lineOffset)
                )
            }
        }
        var result: [String: YAMLValue] = [:]
        // Every bad key is reported, not only the first, so one build shows all there is to fix.
        var problems: [Diagnostic] = []
        for (key, value) in pairs {
            guard let name = key.scalarText else {
                problems.append(key.error("keys in \(what) must be plain words"))
                continue
            }
            guard allowedKeys.contains(name) else {
                let known = allowedKeys.map { "`\($0)`" }.joined(separator: ", ")
                let hint =
                    Suggestion.closest(to: name, among: allowedKeys).map {
                        "did you mean `\($0)`? Known keys: \(known)"
                    }
                    ?? "known keys: \(known)"
                problems.append(key.error("unknown key `\(name)` in \(what)", hint: hint))
                continue
            }
            guard result[name] == nil else {
                problems.append(key.error("key `\(name)` appears twice in \(what)", hint: "keep one of them"))
                continue
            }
            result[name] = value
        }
        guard problems.isEmpty else { throw SitegenError(problems) }
        return result
    }

    /// The items of the one list a data file holds under `key` (`elements:` in `elements.yaml`).
    static func list(named key: String, in file: SourceFile) throws(SitegenError) -> [YAMLValue] {
        let root = try parse(file.text, in: file, firstLine: 1)
        guard let list = try root.mapping(allowedKeys: [key], what: "the \(key) file")[key] else {
            throw SitegenError(
                file.diagnostic(line: 1, column: 1, "no `\(key):` list", hint: "list the \(key) under `\(key):`"))
        }
        return try list.sequence(what: "`\(key)`")
    }

    /// The node as a list.
    func sequence(what: String) throws(SitegenError) -> [YAMLValue] {
        guard let sequence = node.sequence else {
            throw SitegenError(error("\(what) must be a list (lines starting with `- `)"))
        }
        return sequence.map { YAMLValue(node: $0, file: file, lineOffset: lineOffset) }
    }

    /// The node as text; numbers and booleans written in YAML are taken as their text.
    func string(what: String) throws(SitegenError) -> String {
        guard let text = scalarText else {
            throw SitegenError(error("\(what) must be text", hint: "quote it if it contains `:` or `#`"))
        }
        return text
    }

    /// The node as non-empty text.
    func nonEmptyString(what: String) throws(SitegenError) -> String {
        let text = try string(what: what)
        // Same test as trimming and checking for empty, without building the trimmed copy (every title comes here).
        guard !text.unicodeScalars.allSatisfy(Self.blank.contains) else {
            throw SitegenError(error("\(what) must not be empty"))
        }
        return text
    }

    private static let blank = CharacterSet.whitespacesAndNewlines

    /// The node as a whole number.
    func int(what: String) throws(SitegenError) -> Int {
        guard node.scalar != nil, let value = node.int else {
            throw SitegenError(error("\(what) must be a whole number"))
        }
        return value
    }

    /// The node as `true` or `false`.
    func bool(what: String) throws(SitegenError) -> Bool {
        guard node.scalar != nil, let value = node.bool else {
            throw SitegenError(error("\(what) must be `true` or `false`"))
        }
        return value
    }

    private static func diagnostic(for error: YamlError, in file: SourceFile, yaml: String, lineOffset: Int)
        -> Diagnostic
    {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return file.diagnostic(
                line: mark.line + lineOffset, column: mark.column, "invalid YAML: \(detail)",
                hint: "check indentation, and quote values that contain `:`, `#` or `{`")
        case .duplicatedKeysInMapping(let names, let context):
            // Yams points at the first of the two keys and dumps the whole mapping; the second is the one to fix.
            let name = names.first ?? ""
            let first = context.mark
            let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
            let indent = String(repeating: " ", count: max(first.column - 1, 0))
            let second = lines.indices.dropFirst(first.line).first { index in
                let line = lines[index]
                return line.hasPrefix(indent + name) && line.dropFirst(indent.count + name.count).first == ":"
            }
            return file.diagnostic(
                line: (second.map { $0 + 1 } ?? first.line) + lineOffset, column: first.column,
                "the key `\(name)` appears twice in one mapping"
                    + (second == nil ? "" : " (first on line \(first.line + lineOffset))"),
                hint: "keep one of them")
        default:
            return file.diagnostic(line: lineOffset + 1, column: 1, "invalid YAML: \(error)")
        }
    }
}
