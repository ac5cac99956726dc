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

    @Test func unclosedFrontMatterIsAnErrorAtLineOne() {
        #expect(throws: Diagnostic.self) {
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
}
