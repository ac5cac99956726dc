import Testing

@testable import SitegenKit

@Suite struct LinkTests {
    @Test func sourcePathsBecomePageRelativeURLsAcrossFolders() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "[note](notes/a.md) and [deep](notes/deep/b.md)\n")
        try site.page("notes/a.md", "[home](../index.md) [sibling](deep/b.md)\n")
        try site.page("notes/deep/b.md", "[up](../../index.md) [a](../a.md)\n")
        try site.build()
        let index = try site.read("index.html")
        #expect(index.contains(#"<a href="notes/a.html">note</a>"#))
        #expect(index.contains(#"<a href="notes/deep/b.html">deep</a>"#))
        let a = try site.read("notes/a.html")
        #expect(a.contains(#"<a href="../index.html">home</a>"#))
        #expect(a.contains(#"<a href="deep/b.html">sibling</a>"#))
        let b = try site.read("notes/deep/b.html")
        #expect(b.contains(#"<a href="../../index.html">up</a>"#))
        #expect(b.contains(#"<a href="../a.html">a</a>"#))
    }

    @Test func anchorsAreKeptOnRewrittenLinks() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "[closing](notes/a.md#the-closing) [here](#intro)\n\n## Intro\n")
        try site.page("notes/a.md", "## The closing\n")
        try site.build()
        let index = try site.read("index.html")
        #expect(index.contains(#"<a href="notes/a.html#the-closing">closing</a>"#))
        #expect(index.contains(##"<a href="#intro">here</a>"##))
    }

    @Test func assetLinksPointAtTheCopiedFile() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/files/card.txt", "hello")
        try site.page("notes/a.md", "![card](../files/card.txt)\n")
        try site.build()
        #expect(try site.read("notes/a.html").contains(#"src="../files/card.txt""#))
        #expect(try site.read("files/card.txt") == "hello")
    }

    @Test func themeAssetsAreLinkedRelativeToEachPage() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", front: "nav: 1\n")
        try site.page("notes/deep/b.md")
        try site.build()
        #expect(try site.read("index.html").contains(#"href="assets/style.css""#))
        #expect(try site.read("notes/deep/b.html").contains(#"href="../../assets/style.css""#))
        #expect(try site.read("notes/deep/b.html").contains(#"<a href="../../index.html">"#))
    }

    @Test func externalLinksAreLeftAlone() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "[mail](mailto:a@example.com) [web](https://example.com/x.md)\n")
        try site.build()
        let html = try site.read("index.html")
        #expect(html.contains(#"href="mailto:a@example.com""#))
        #expect(html.contains(#"href="https://example.com/x.md""#))
    }

    @Test func brokenLinkFailsWithItsPosition() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "Intro\n\nSee [the list](checklst.md).\n")
        try site.page("checklist.md")
        let problems = site.failure()
        #expect(problems.count == 1)
        #expect(problems[0].location == SourceLocation(file: "content/index.md", line: 6, column: 16))
        #expect(problems[0].message == "`checklst.md` links to content/checklst.md, which does not exist")
        #expect(problems[0].hint == "did you mean `checklist.md`?")
    }

    @Test func missingAnchorOnAnotherPageFails() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "[x](a.md#closng)\n")
        try site.page("a.md", "## Closing\n")
        let problem = try #require(site.failure().first)
        #expect(problem.message == "`a.md#closng`: content/a.md has no heading with id `closng`")
        #expect(problem.hint == "did you mean `#closing`?")
        #expect(problem.location.line == 4)
    }

    @Test func anchorsOnAnotherPageResolveAmongSeveralHeadings() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "[x](a.md#second) [y](a.md#third-part)\n")
        try site.page("a.md", "## First\n\n## Second\n\n### Third part\n")
        try site.build()
        #expect(try site.read("index.html").contains(#"<a href="a.html#second">x</a>"#))
    }

    @Test func missingAnchorHintListsTheHeadingsWhenNoneIsClose() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "[x](a.md#zzzzzzzz)\n")
        try site.page("a.md", "## Beta\n\n## Alpha\n")
        let problem = try #require(site.failure().first)
        #expect(problem.hint == "its headings: #alpha, #beta")
    }

    @Test func missingAnchorOnTheSamePageFails() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "[x](#nowhere)\n")
        #expect(site.failure().map(\.message) == ["no heading with id `nowhere` on this page"])
    }

    @Test func linkToAFolderIsRefused() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "[notes](notes/)\n")
        try site.page("notes/index.md")
        let problem = try #require(site.failure().first)
        #expect(problem.message == "`notes/` links to a folder")
        #expect(problem.hint == "link to a file such as `notes/index.md`")
    }

    @Test func linkToADraftExplainsWhy() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "[soon](wip.md)\n")
        try site.page("wip.md", front: "draft: true\n")
        #expect(site.failure().map(\.message) == ["`wip.md` links to a draft"])
    }

    @Test func relativeURLArithmetic() {
        #expect(RelativePath.url(from: "index.html", to: "notes/a.html") == "notes/a.html")
        #expect(RelativePath.url(from: "notes/a.html", to: "index.html") == "../index.html")
        #expect(RelativePath.url(from: "notes/a.html", to: "notes/b.html") == "b.html")
        #expect(RelativePath.url(from: "a/b/c.html", to: "a/d/e.html") == "../d/e.html")
        #expect(RelativePath.rootPrefix(from: "a/b/c.html") == "../../")
        #expect(RelativePath.resolve("../x.md", against: "notes/a.md") == "x.md")
        #expect(RelativePath.resolve("../../x.md", against: "notes/a.md") == nil)
    }
}
