import Testing

@testable import SitegenKit

@Suite struct FrontMatterTests {
    @Test func splitsYAMLFromBodyAndKeepsLineNumbers() throws {
        let file = SourceFile(displayPath: "content/a.md", text: "---\ntitle: A\n---\n# Hello\n")
        let front = try FrontMatter.split(file)
        #expect(front.yaml == "title: A")
        #expect(front.yamlFirstLine == 2)
        #expect(front.body == "# Hello\n")
        #expect(front.bodyFirstLine == 4)
    }

    @Test func fileWithoutFrontMatterIsAllBody() throws {
        let front = try FrontMatter.split(SourceFile(displayPath: "a.md", text: "Just text\n"))
        #expect(front.yaml.isEmpty)
        #expect(front.body == "Just text\n")
    }

    @Test func fencesMayCarryTrailingBlanksAndCloseWithDots() throws {
        func split(_ text: String) throws -> [String] {
            let front = try FrontMatter.split(SourceFile(displayPath: "a.md", text: text))
            return [front.yaml, "\(front.yamlFirstLine)", front.body, "\(front.bodyFirstLine)"]
        }
        #expect(try split("---\n---\nbody") == ["", "2", "body", "3"])
        #expect(try split("---  \r\ntitle: A\n... \t\nX") == ["title: A", "2", "X", "4"])
        #expect(try split("---\ntitle: A\n---") == ["title: A", "2", "", "4"])
        #expect(try split("---\n\n---\n") == ["", "2", "", "4"])
        #expect(try split("---\nä: ü\nb: c\n---\nbody é\n") == ["ä: ü\nb: c", "2", "body é\n", "5"])
        // Cut between a CR and its LF, the pieces keep every byte.
        let crlf = try split("---\r\ntitle: Å\r\n---\r\n“body”\r\n")
        #expect(crlf.map { Array($0.utf8) } == ["title: Å\r", "2", "“body”\r\n", "4"].map { Array($0.utf8) })
        #expect(try split("---") == ["", "1", "---", "1"])
        #expect(try split("----\nx\n---\n") == ["", "1", "----\nx\n---\n", "1"])
        #expect(try split("") == ["", "1", "", "1"])
        #expect(throws: SitegenError.self) { try split("---\n.. .\n-- -\n") }
    }

    @Test func unclosedFrontMatterIsAnErrorAtLineOne() {
        #expect(throws: SitegenError.self) {
            try FrontMatter.split(SourceFile(displayPath: "content/a.md", text: "---\ntitle: A\n"))
        }
    }

    @Test func unknownKeySuggestsTheClosestKnownKey() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", front: "descripton: Typo\n")
        let problems = site.failure()
        #expect(problems.count == 1)
        #expect(problems[0].location == SourceLocation(file: "content/index.md", line: 3, column: 1))
        #expect(problems[0].message == "unknown key `descripton` in front matter")
        #expect(problems[0].hint?.hasPrefix("did you mean `description`?") == true)
        #expect(problems[0].sourceLine == "descripton: Typo")
    }

    @Test func missingTitleIsAnError() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/index.md", "---\ndescription: No title\n---\nBody\n")
        #expect(site.failure().map(\.message) == ["this page has no `title`"])
    }

    @Test func invalidYAMLNamesTheLineInTheFile() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/index.md", "---\ntitle: A\nnav: [1\n---\nBody\n")
        let problem = try #require(site.failure().first)
        #expect(problem.location.file == "content/index.md")
        #expect(problem.location.line >= 3)
        #expect(problem.message.hasPrefix("invalid YAML"))
    }

    @Test func wrongTypeNamesTheKey() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", front: "nav: first\n")
        let problem = try #require(site.failure().first)
        #expect(problem.message == "`nav` must be a whole number")
        #expect(problem.location.line == 3)
        #expect(problem.location.column == 6)
    }

    @Test func everyBrokenPageIsReportedNotJustTheFirst() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("a.md", front: "tilte: x\n")
        try site.page("b.md", front: "draft: maybe\n")
        #expect(site.failure().map(\.location.file) == ["content/a.md", "content/b.md"])
    }

    @Test func draftsAreLeftOutUnlessAskedFor() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "Home\n")
        try site.page("wip.md", front: "draft: true\n", "Later\n")
        try site.build()
        #expect(try site.snapshot()["wip.html"] == nil)
        try SiteBuilder.build(BuildOptions(root: site.root, includeDrafts: true))
        #expect(try site.snapshot()["wip.html"] != nil)
    }

    @Test func booleansAreReadAsYAMLsDefaultResolverReadsThem() throws {
        let file = SourceFile(displayPath: "content/a.md", text: "")
        func bool(_ yaml: String) throws -> Bool? {
            let keys = try YAMLValue.parse(yaml, in: file, firstLine: 1).mapping(allowedKeys: ["a", "b"], what: "x")
            return try? #require(keys["b"]).bool(what: "`b`")
        }
        #expect(try bool("b: true") == true)
        #expect(try bool("b: Off") == false)
        #expect(try bool("b: YES") == true)
        // Yams reads the text of a plain scalar whose tag it has not resolved yet, in any case.
        #expect(try bool("b: tRue") == true)
        #expect(try bool("b: \"yes\"") == nil)
        #expect(try bool("b: 'true'") == nil)
        #expect(try bool("b: !!str true") == nil)
        #expect(try bool("b: !!bool false") == false)
        #expect(try bool("b: 1") == nil)
        #expect(try bool("b: [true]") == nil)
        // An alias, also of a value used as a key.
        #expect(try bool("a: &t on\nb: *t") == true)
        #expect(try bool("a: {&k yes: 1}\nb: *k") == true)
    }

    @Test func wordsAreRunsBetweenSpacesTabsAndLineBreaks() {
        #expect("".wordCount == 0)
        #expect("   \n\t\r\n ".wordCount == 0)
        #expect("one".wordCount == 1)
        #expect("  one  two\tthree\r\nfour\n".wordCount == 4)
        // Other control bytes and non-ASCII text are part of words; so is non-breaking space.
        #expect("a\u{0B}b c\u{0C}d e\u{0}f".wordCount == 3)
        #expect("Grüße, 世界 · café\u{A0}au lait 👩‍👩‍👧".wordCount == 6)
    }

    @Test func wordCountAgreesWithAByteByByteCountAtEveryLength() {
        // Lengths around the eight-byte chunks, with white space at every position of a chunk.
        let alphabet: [String] = ["a", " ", "\n", "\t", "\r", "é", "\u{0B}", "~", "!"]
        // A fixed pseudo-random sequence (xorshift), so every run checks the same texts.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(alphabet.count))
        }
        for length in 0..<40 {
            for _ in 0..<50 {
                let text = (0..<length).map { _ in alphabet[next()] }.joined()
                var expected = 0
                var inWord = false
                for byte in text.utf8 {
                    let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
                    if !isSpace && !inWord { expected += 1 }
                    inWord = !isSpace
                }
                #expect(text.wordCount == expected, "\(Array(text.utf8))")
            }
        }
    }
}
