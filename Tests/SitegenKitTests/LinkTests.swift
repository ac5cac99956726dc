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

    @Test func resolvingFoldsDotsAndEmptyParts() {
        #expect(RelativePath.resolve("./b//c/../d.md", against: "a/x.md") == "a/b/d.md")
        #expect(RelativePath.resolve("/top.md", against: "a/b/x.md") == "top.md")
        #expect(RelativePath.resolve("/../top.md", against: "x.md") == nil)
        #expect(RelativePath.resolve("..", against: "a/x.md") == "")
        #expect(RelativePath.resolve("sub/", against: "a/x.md") == "a/sub")
        #expect(RelativePath.resolve("...", against: "x.md") == "...")
        #expect(RelativePath.resolve("../é/ü.md", against: "notes/a.md") == "é/ü.md")
        // `/` with a combining mark is a Character of its own, not a leading `/`.
        #expect(RelativePath.resolve("/\u{301}x", against: "a/x.md") == "a/\u{301}x")
        #expect(RelativePath.url(from: "a/b.html", to: "a") == "../a")
        #expect(RelativePath.url(from: "x/y/z.html", to: "x/q.html") == "../q.html")
        #expect(RelativePath.rootPrefix(from: "index.html") == "")
    }

    @Test func destinationsAreClassifiedWithTheirFragments() {
        let resolver = LinkResolver(
            pages: [Route(source: "index.md"), Route(source: "notes/a.md"), Route(source: "notes/b c.md")],
            drafts: ["notes/wip.md"], assets: ["files/card.txt"])
        let from = Route(source: "notes/a.md")
        #expect(resolver.target(of: "../index.md#top", from: from) == .page(Route(source: "index.md"), fragment: "top"))
        #expect(resolver.target(of: "a.md?x=1#", from: from) == .page(from, fragment: ""))
        #expect(
            resolver.target(of: "b%20c.md#a%20b", from: from) == .page(Route(source: "notes/b c.md"), fragment: "a b"))
        #expect(resolver.target(of: "#intro", from: from) == .samePage(fragment: "intro"))
        #expect(resolver.target(of: "#caf%C3%A9", from: from) == .samePage(fragment: "café"))
        #expect(resolver.target(of: "../files/card.txt", from: from) == .asset("files/card.txt"))
        #expect(resolver.target(of: "mailto:a@example.com", from: from) == .external)
        // Paths resolved from bytes are still compared as text: the folder of `from` is decomposed, the page's
        // precomposed.
        let accented = LinkResolver(pages: [Route(source: "\u{E9}/b.md")], assets: [])
        #expect(
            accented.target(of: "b.md", from: Route(source: "e\u{301}/a.md"))
                == .page(Route(source: "\u{E9}/b.md"), fragment: nil))
        #expect(
            resolver.href(for: .page(Route(source: "index.md"), fragment: "a b/c"), from: from)
                == "../index.html#a%20b/c")
        #expect(resolver.href(for: .samePage(fragment: "intro"), from: from) == "#intro")
        guard case .broken = resolver.target(of: "wip.md", from: from) else {
            Issue.record("a link to a draft is broken")
            return
        }
    }
}
