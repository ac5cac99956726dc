import Foundation
import Testing

@testable import SitegenKit

/// Every href sitegen writes reaches its file, whatever the file is called.
@Suite struct URLEncodingTests {
    static let names = ["c#", "faq?", "100%", "a b", "café", "a:b", "x&y"]

    @Test(arguments: [
        ("c#.html", "c%23.html"), ("faq?.html", "faq%3F.html"), ("100%.html", "100%25.html"),
        ("a b.html", "a%20b.html"), ("café.html", "caf%C3%A9.html"), ("a:b.html", "a%3Ab.html"),
        ("../notes/x-y_z~.html", "../notes/x-y_z~.html"), ("e\u{301}/b.html", "e%CC%81/b.html"),
    ])
    func pathsArePercentEncoded(path: String, encoded: String) {
        #expect(RelativePath.percentEncoded(path) == encoded)
        #expect(encoded.removingPercentEncoding == path)
    }

    @Test func everyASCIIByteIsEncodedUnlessItIsAPathCharacterOtherThanAColon() {
        // RFC 3986's pchar, without `:`: unreserved (letters, digits, `-._~`), sub-delims (`!$&'()*+,;=`), `@`,
        // and `/` between parts.
        let standing = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=@/".utf8)
        for byte in UInt8(0)..<0x80 {
            let text = String(UnicodeScalar(byte))
            let expected =
                standing.contains(byte) ? text : "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            #expect(RelativePath.percentEncoded(text) == expected, "byte 0x\(String(byte, radix: 16))")
            #expect(RelativePath.percentEncoded("a" + text + "b") == "a" + expected + "b")
        }
    }

    @Test func twoSpellingsOfTheSameLetterAreTwoFolders() {
        // "é" as one code point and as "e" with a combining accent: equal Swift strings, different names on disk.
        // (A build refuses such a pair in content/; the checker meets whatever a site folder holds.)
        #expect(RelativePath.url(from: "\u{E9}/a.html", to: "e\u{301}/b.html") == "../e\u{301}/b.html")
        #expect(RelativePath.url(from: "\u{E9}/a.html", to: "\u{E9}/b.html") == "b.html")
    }

    /// A site whose pages are named `names`, each in the navigation and dated, linking to all the others.
    func site() throws -> TestSite {
        let site = try TestSite()
        try site.write("content/site.yaml", "title: Test Site\nauthor: Tester\nurl: https://example.org/guide/\n")
        try site.write(
            "themes/default/templates/partials/head.mustache",
            "<meta charset=\"utf-8\"><title>{{page.title}}</title><meta name=\"description\" content=\"x\">"
                + "{{#page.canonical}}<link rel=\"canonical\" href=\"{{.}}\">{{/page.canonical}}")
        try site.page("index.md", title: "Home", front: "description: Home.\nnav: 1\n")
        for (number, name) in Self.names.enumerated() {
            let links = Self.names.filter { $0 != name }.map {
                "[\($0)](\(RelativePath.percentEncoded($0)).md#part)"
            }
            try site.page(
                "\(name).md", title: "Page \(name)",
                front: "description: About \(name).\nnav: \(number + 2)\ndate: 2026-11-\(10 + number)\n",
                "## Part\n\n" + links.joined(separator: " ") + "\n")
        }
        try site.page("\u{E9}t\u{E9}/a.md", title: "Nested", front: "description: Nested.\n", "[c](../c%23.md)\n")
        return site
    }

    @Test func everyLinkOfTheBuiltSiteReachesItsFile() throws {
        let site = try site()
        defer { site.remove() }
        try site.build()
        let report = try SiteChecker(directory: site.output).check()
        #expect(report.problems.map(\.description) == [])
        #expect(report.links > 50)
        #expect(try site.read("\u{E9}t\u{E9}/a.html").contains("href=\"../c%23.html\""))
        #expect(try site.read("index.html").contains("href=\"c%23.html\""))
        #expect(try site.read("c#.html").contains("href=\"faq%3F.html#part\""))
    }

    @Test func theSitemapFeedAndCanonicalURLsAreEncoded() throws {
        let site = try site()
        defer { site.remove() }
        try site.build()
        let sitemap = try site.read("sitemap.xml")
        let feed = try site.read("feed.xml")
        for name in Self.names {
            let url = "https://example.org/guide/" + RelativePath.percentEncoded(name + ".html")
            let escaped = url.replacingOccurrences(of: "&", with: "&amp;")
            #expect(sitemap.contains("<loc>\(escaped)</loc>"), "\(name)")
            #expect(feed.contains("<id>\(escaped)</id>"), "\(name)")
            #expect(try site.read("\(name).html").contains("<link rel=\"canonical\" href=\"\(escaped)\">"), "\(name)")
        }
    }
}
