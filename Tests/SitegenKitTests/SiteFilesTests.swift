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

    @Test(arguments: [
        "2026-02-30", "2026--1-01", "2026-13-01", "2026-00-10", "2026-01-00", "2026-1-01", "26-01-01",
        "2025-02-29", "1900-02-29", "\u{FF12}\u{FF10}\u{FF12}\u{FF16}-01-01", "2026-01-01T00:00:00Z", " 2026-01-01",
    ])
    func aDateThatIsNotARealDayInYYYYMMDDIsAnError(date: String) throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", front: "date: \"\(date)\"\n")
        #expect(site.failure().first?.message == "`date` must be a real day written as YYYY-MM-DD, not `\(date)`")
    }

    @Test(arguments: ["2024-02-29", "2000-02-29", "2026-12-31", "0001-01-01"])
    func aRealDayIsADate(date: String) throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", front: "date: \(date)\n")
        #expect(site.failure() == [])
    }

    /// What xmllint says of `file`, and the count an XPath expression gives in it.
    func xmllint(_ file: URL, _ arguments: [String] = []) throws -> (status: Int32, output: String) {
        try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["xmllint"] + arguments + [file.path])
    }

    func count(_ expression: String, in file: URL) throws -> Int {
        let result = try xmllint(file, ["--xpath", "count(\(expression))"])
        return Int(result.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }

    @Test func theSitemapAndFeedAreWellFormedAndHaveWhatTheirFormatsRequire() throws {
        let site = try TestSite()
        defer { site.remove() }
        // No author: the feed still needs one (RFC 4287, 4.1.1).
        try site.write("content/site.yaml", "title: T & <Co>\nurl: https://example.org/guide/\n")
        try site.page("index.md", front: "description: Home.\n")
        try site.page("notes/a & b.md", title: "A & <B>", front: "date: 2026-11-02\ndescription: About A.\n")
        try site.page("notes/c.md", title: "C", front: "date: 2026-11-20\n")
        try site.build()
        let sitemap = site.output.appendingPathComponent("sitemap.xml")
        let feed = site.output.appendingPathComponent("feed.xml")
        for file in [sitemap, feed] {
            let lint = try xmllint(file, ["--noout"])
            #expect(lint.status == 0, "xmllint (`bash .ci/test` installs libxml2-utils):\n\(lint.output)")
        }
        let sitemapNamespace = "namespace-uri()='http://www.sitemaps.org/schemas/sitemap/0.9'"
        #expect(try count("/*[local-name()='urlset' and \(sitemapNamespace)]/*[local-name()='url']", in: sitemap) == 3)
        #expect(try count("//*[local-name()='loc' and starts-with(., 'https://example.org/guide/')]", in: sitemap) == 3)
        let atom = "namespace-uri()='http://www.w3.org/2005/Atom'"
        let root = "/*[local-name()='feed' and \(atom)]"
        for required in ["id", "title", "updated"] {
            #expect(try count("\(root)/*[local-name()='\(required)']", in: feed) == 1, "feed \(required)")
            #expect(
                try count("\(root)/*[local-name()='entry']/*[local-name()='\(required)']", in: feed) == 2, "\(required)"
            )
        }
        #expect(try count("\(root)/*[local-name()='author']/*[local-name()='name' and .='T & <Co>']", in: feed) == 1)
        #expect(try count("\(root)/*[local-name()='link' and @rel='self']", in: feed) == 1)
        // Entries without content need an alternate link (4.1.1.1); ids are absolute IRIs.
        #expect(try count("\(root)/*[local-name()='entry']/*[local-name()='link' and not(@rel)]", in: feed) == 2)
        #expect(try count("//*[local-name()='id' and starts-with(., 'https://example.org/guide/')]", in: feed) == 3)
        #expect(
            try count("//*[local-name()='updated' and string-length(.)=20 and substring(., 11, 1)='T']", in: feed) == 3)
        #expect(try String(contentsOf: feed, encoding: .utf8).contains("notes/a%20&amp;%20b.html"))
    }

    @Test func missingDescriptionIsAWarningThatStrictMakesAnError() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        let report = try site.build()
        #expect(report.warnings.map(\.severity) == [.warning])
        #expect(throws: SitegenError.self) { try SiteBuilder.build(BuildOptions(root: site.root, strict: true)) }
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
