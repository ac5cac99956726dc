import Foundation
import Testing

@testable import SitegenKit

@Suite struct SiteFilesTests {
    @Test func withoutAURLOnlyRobotsIsWrittenAndTheSkipIsExplained() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        let report = try site.build()
        let files = try site.snapshot()
        #expect(files["robots.txt"] == Data("User-agent: *\nAllow: /\n".utf8))
        #expect(files["sitemap.xml"] == nil && files["feed.xml"] == nil)
        #expect(report.notes.contains { $0.contains("no `url`") })
    }

    @Test func withAURLTheSitemapAndFeedUseAbsoluteURLs() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/site.yaml", "title: T & Co\nurl: https://example.org/guide\n")
        try site.page("index.md")
        try site.page("notes/a.md", title: "A", front: "date: 2026-11-02\ndescription: About A.\n")
        try site.page("notes/b.md", title: "B", front: "date: 2026-11-20\n")
        try site.build()
        let sitemap = try site.read("sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/guide/notes/a.html</loc><lastmod>2026-11-02</lastmod>"))
        let feed = try site.read("feed.xml")
        #expect(feed.contains("<title>T &amp; Co</title>"))
        #expect(feed.contains("<updated>2026-11-20T00:00:00Z</updated>"))
        #expect(feed.range(of: "notes/b.html")!.lowerBound < feed.range(of: "notes/a.html")!.lowerBound)
        #expect(try site.read("robots.txt").contains("Sitemap: https://example.org/guide/sitemap.xml"))
    }

    @Test func invalidDateIsAnError() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", front: "date: 2026-02-30\n")
        #expect(site.failure().first?.message == "`date` must be a day written as YYYY-MM-DD")
    }

    @Test func missingDescriptionIsAWarningThatStrictMakesAnError() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        let report = try site.build()
        #expect(report.warnings.map(\.severity) == [.warning])
        #expect(throws: BuildFailure.self) { try SiteBuilder.build(BuildOptions(root: site.root, strict: true)) }
    }

    @Test func previousAndNextStayWithinAFolder() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write(
            "themes/default/templates/page.mustache",
            "{{<base}}{{$main}}{{#page.previous}}prev={{href}};{{/page.previous}}{{#page.next}}next={{href}};{{/page.next}}{{/main}}{{/base}}"
        )
        try site.page("index.md")
        try site.page("top.md")
        try site.page("notes/index.md")
        try site.page("notes/a.md")
        try site.page("notes/b.md")
        try site.page("notes/c.md")
        try site.build()
        #expect(try site.read("notes/b.html").contains("prev=a.html;next=c.html;"))
        #expect(try site.read("notes/a.html").contains("next=b.html;"))
        #expect(try !site.read("notes/a.html").contains("prev="))
        #expect(try !site.read("top.html").contains("next="))
    }

    @Test func folderOfASourceIsItsPartsButTheLast() {
        #expect(SiteIndex.folder(of: "a.md") == "")
        #expect(SiteIndex.folder(of: "notes/a.md") == "notes")
        #expect(SiteIndex.folder(of: "a/b/c.md") == "a/b")
        #expect(SiteIndex.folder(of: "café/thé.md") == "café")
    }
}
