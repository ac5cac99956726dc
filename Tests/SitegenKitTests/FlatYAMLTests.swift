import Testing
import Yams

@testable import SitegenKit

/// `FlatYAML` reads a subset of YAML without Yams; wherever it gives an answer, that answer must be Yams' own.
@Suite struct FlatYAMLTests {
    /// Yams' mapping of `yaml` as `FlatYAML.Entry` values, composed as `YAMLValue` first composes text.
    private static func yams(_ yaml: String) throws -> [FlatYAML.Entry]? {
        let resolver = yaml.contains("*") ? Resolver.basic.appending(.bool) : Resolver.basic
        guard let node = try Yams.compose(yaml: yaml, resolver, .default, .utf8) else { return [] }
        guard let mapping = node.mapping else { return nil }
        var entries: [FlatYAML.Entry] = []
        for (key, value) in mapping {
            guard let key = key.scalar, key.style == .plain, key.mark?.column == 1, let value = value.scalar,
                let line = key.mark?.line, value.mark?.line == line, let column = value.mark?.column
            else { return nil }
            entries.append(
                .init(key: key.string, value: value.string, style: value.style, line: line, valueColumn: column))
        }
        #expect(mapping.mark?.line == entries.first?.line)
        return entries
    }

    private static let keys = [
        "title", "description", "a", "x-y", "_k", "1", "true", "null", "b c", "k:", "-k", "?k", "title", "ключ",
        "a1", "k#", "#k", "k\"", "'k'", "\"k\"", "&k", "!k", "*k", "~", String(repeating: "k", count: 1001),
        String(repeating: "k", count: 1000),
    ]
    private static let separators = [": ", ":  ", ":", ": \t", " : ", ":\t", "::", ": : "]
    private static let values = [
        "plain", "It's fine", "a: b", "a:b", "a #c", "a#c", "a ", "a  ", "\"q\"", "\"q\" ", "\"q\" # c", "\"q\"#c",
        "\"a\\\"b\"", "\"a\\nb\"", "'s'", "'it''s'", "'a' b", "\"a\" b", "-x", "- x", "-", "[a]", "a [b]", "a, b",
        "a,b", "{a}", "a {b}", "a]", "a}", "&x a", "a &x", "*x", "a*b", "!t a", "a!b", "|", ">", "a|b", "a>b", "%x",
        "a%b", "@x", "a@b", "`x", "a`b", "~", "null", "Null", "true", "yes", "off", "3", "-3", "0x1F", "0o17", "1_000",
        "1:30", "1.5", ".inf", "2024-01-01", "é", "日本", "😀", "a\u{85}b", "a\u{2028}b", "a\u{2029}b", "\u{FEFF}a",
        "a\u{FEFF}", "a\u{A0}b", "\u{A0}", "a\u{FFFE}", "a\u{FFFF}", "a\u{FFFD}", "a\u{9F}", "", " ", "a\r", "a\u{0C}",
        "a\u{7F}", "a\u{1B}", "a\tb", "\"\"", "''", "\"a'b\"", "'a\"b'", "a'b", "a\"b", "C#", "a  #", "a #", "#x",
        "a:", "a: ", "a :b", "...", "---", "a ... b", "a --- b", "\"a #b\"", "'a: b'", "\"  spaced  \"", "'\\'",
        "\"\\\\\"", "a\\b", "=", "<<", "?x", "? x", ":x", ",x", "a?", "https://example.com/a?b=c#d", "\"ü\" # é",
    ]
    private static let usualValues = [
        "Why it works", "\"Page 12: the note\"", "'Sam O’Neil'", "3", "false", "Réponse rapide, et courte",
    ]
    private static let lines = [
        "", "   ", "# comment", "#", "  # indented comment", "---", "...", "--- a", "  indented: x", "- item", "\t",
        "%YAML 1.2", "? complex", ": value", "\u{FEFF}", "key", "key:", "key:    ", " key: x",
    ]

    private static func randomYAML(_ generator: inout SplitMix64) -> String {
        var text: [String] = []
        for _ in 0..<Int.random(in: 1...5, using: &generator) {
            if Int.random(in: 0..<6, using: &generator) == 0 {
                text.append(lines.randomElement(using: &generator)!)
            } else {
                // Mostly keys that read, so most texts reach the values.
                let key =
                    Int.random(in: 0..<3, using: &generator) == 0
                    ? keys.randomElement(using: &generator)! : "k\(text.count)"
                let separator =
                    Int.random(in: 0..<3, using: &generator) == 0 ? separators.randomElement(using: &generator)! : ": "
                let value =
                    Int.random(in: 0..<3, using: &generator) == 0
                    ? values.randomElement(using: &generator)! : usualValues.randomElement(using: &generator)!
                text.append(key + separator + value)
            }
        }
        return text.joined(separator: "\n") + (Bool.random(using: &generator) ? "\n" : "")
    }

    @Test func everyAnswerIsYamsAnswer() throws {
        var generator = SplitMix64(seed: 2026)
        var read = 0
        var declined = 0
        let cases = 30_000
        for _ in 0..<cases {
            let yaml = Self.randomYAML(&generator)
            guard let flat = FlatYAML.entries(of: yaml) else {
                declined += 1
                continue
            }
            read += 1
            let reference: [FlatYAML.Entry]?
            do {
                reference = try Self.yams(yaml)
            } catch {
                Issue.record("FlatYAML read \(yaml.debugDescription), which Yams refuses: \(error)")
                continue
            }
            #expect(flat == reference, "\(yaml.debugDescription)")
            try expectSameValues(yaml)
        }
        // Both sides of the subset are exercised, or the comparison above proves little.
        #expect(read > cases / 10)
        #expect(declined > cases / 10)
    }

    /// `YAMLValue`'s values for `yaml`, which `FlatYAML` reads, are Yams' nodes (text, style, tag and position) and
    /// read as text, numbers and booleans as they do.
    private func expectSameValues(_ yaml: String) throws {
        let file = SourceFile(displayPath: "a.yaml", text: yaml)
        guard let node = try Yams.compose(yaml: yaml), let mapping = node.mapping else { return }
        let keys = mapping.compactMap { $0.key.string }
        let root = try YAMLValue.parse(yaml, in: file, firstLine: 1)
        #expect(root.node.mapping?.style == mapping.style && root.node.mapping?.tag.rawValue == mapping.tag.rawValue)
        #expect(root.line == node.mark?.line && root.column == node.mark?.column)
        let values = try root.mapping(allowedKeys: keys, what: "x")
        for (key, value) in mapping {
            let flat = try #require(values[key.string ?? ""]?.node.scalar, "\(yaml.debugDescription)")
            #expect(flat.string == value.scalar?.string && flat.style == value.scalar?.style)
            // A quoted value is a string whatever its text (so never `true`); a plain one is resolved when read.
            #expect(flat.tag.rawValue == value.scalar?.tag.rawValue, "\(yaml.debugDescription)")
            #expect(values[key.string ?? ""]?.line == value.mark?.line)
            #expect(values[key.string ?? ""]?.column == value.mark?.column)
            // Read as a page reads it (a flat value answers text without making its node), as Yams' node reads.
            let read = try #require(values[key.string ?? ""])
            let composed = YAMLValue(node: value, file: file, lineOffset: 0)
            #expect((try? read.string(what: "x")) == (try? composed.string(what: "x")), "\(yaml.debugDescription)")
            #expect((try? read.int(what: "x")) == (try? composed.int(what: "x")), "\(yaml.debugDescription)")
            #expect((try? read.bool(what: "x")) == (try? composed.bool(what: "x")), "\(yaml.debugDescription)")
        }
    }

    @Test func readsWhatFrontMatterUsuallyHolds() throws {
        let yaml = """
            # The page's settings
            title: "Why it works: the short answer"
            description: It's a note, and a short one   # under 160 characters
            order: 3

            draft: false
            author: 'Sam O’Neil?'
            """
        let entries = try #require(FlatYAML.entries(of: yaml))
        #expect(entries.map(\.key) == ["title", "description", "order", "draft", "author"])
        #expect(entries[0].value == "Why it works: the short answer")
        #expect(entries[1].value == "It's a note, and a short one")
        #expect(entries.map(\.line) == [2, 3, 4, 6, 7])
        #expect(entries.map(\.valueColumn) == [8, 14, 8, 8, 9])
        #expect(try entries == Self.yams(yaml))
    }

    @Test func leavesEverythingElseToYams() {
        for yaml in [
            "title: A\ntitle: B", "tags:\n  - a", "title: |\n  text", "a: [1, 2]", "a: {b: c}", "a: &x b\nc: *x",
            "a: \"b\\tc\"", "a: 'it''s'", "a:\tb", "a: b\r\nc: d", "  a: b", "a: b\n  c", "? a\n: b",
            "%YAML 1.2\n---\na: b",
            "a: b: c", "a:", "a: - b",
        ] {
            #expect(FlatYAML.entries(of: yaml) == nil, "\(yaml.debugDescription)")
        }
    }

    @Test func blankAndCommentLinesAloneAreAnEmptyMappingWhereTheYAMLStarts() throws {
        let file = SourceFile(displayPath: "content/a.md", text: "---\n# nothing yet\n\n---\n")
        let empty = try YAMLValue.parse("# nothing yet\n", in: file, firstLine: 2)
        #expect(try empty.mapping(allowedKeys: ["title"], what: "front matter").isEmpty)
        #expect(empty.line == 2 && empty.column == 1)
    }

    @Test func aPageReadThroughTheSubsetGivesYamsPositionsAndErrors() throws {
        let file = SourceFile(displayPath: "content/a.md", text: "---\ntitle: A\ntitel: B\n---\n")
        let flat = try YAMLValue.parse("title: A\ntitel: B", in: file, firstLine: 2)
        #expect(flat.line == 2 && flat.column == 1)
        do {
            _ = try flat.mapping(allowedKeys: ["title"], what: "front matter")
            Issue.record("an unknown key was accepted")
        } catch {
            #expect(error.diagnostics.map { "\($0.location.line):\($0.location.column)" } == ["3:1"])
        }
        let values = try flat.mapping(allowedKeys: ["title", "titel"], what: "front matter")
        #expect(values["titel"].map { "\($0.line):\($0.column)" } == "3:8")
    }
}
