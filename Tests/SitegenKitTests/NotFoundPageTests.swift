import Foundation
import Testing

@testable import SitegenKit

/// The not-found page: hosts serve it at every missing address, at any depth, so it must carry its own style.
@Suite struct NotFoundPageTests {
    /// A site whose 404 page is standalone with a layout that prints its policy, and a standalone page beside it.
    func site(notFoundFront: String = "standalone: true\n", url: String? = nil) throws -> TestSite {
        let site = try TestSite()
        if let url {
            try site.write("content/site.yaml", "title: Test Site\nlanguage: en\nurl: \(url)\n")
        }
        try site.write(
            "themes/default/templates/plain.mustache",
            "{{<base}}{{$main}}<p id=\"csp\">{{standalone.csp}}</p><p id=\"canonical\">{{page.canonical}}</p>{{/main}}{{/base}}"
        )
        try site.write("themes/default/inline/plain.js", "void 0;\n")
        try site.page("index.md", title: "Home", front: "description: Home.\n")
        try site.page("404.md", title: "Not found", front: "description: Missing.\nlayout: plain\n" + notFoundFront)
        try site.page("tool.md", title: "Tool", front: "description: A tool.\nlayout: plain\nstandalone: true\n")
        return site
    }

    @Test func aNotFoundPageThatIsNotStandaloneIsWarnedAbout() throws {
        let site = try site(notFoundFront: "")
        defer { site.remove() }
        let warnings = try site.build().warnings
        #expect(warnings.map(\.location.file) == ["content/404.md"])
        #expect(
            warnings.first?.hint == "add `standalone: true` to its front matter, so its style travels inside the page")
    }

    @Test func aStandaloneNotFoundPageIsNotWarnedAbout() throws {
        let site = try site()
        defer { site.remove() }
        #expect(try site.build().warnings.isEmpty)
    }

    @Test func onlyTheNotFoundPageMayAskItsOwnHost() throws {
        let site = try site()
        defer { site.remove() }
        try site.build()
        #expect(try site.read("404.html").contains("connect-src &#39;self&#39;"))
        #expect(try !site.read("tool.html").contains("connect-src"))
        #expect(try site.read("tool.html").contains("default-src &#39;none&#39;"))
    }

    @Test func theNotFoundPageHasNoCanonicalAddress() throws {
        let site = try site(url: "https://example.org/guide/")
        defer { site.remove() }
        try site.build()
        #expect(try site.read("404.html").contains("<p id=\"canonical\"></p>"))
        #expect(try site.read("tool.html").contains("<p id=\"canonical\">https://example.org/guide/tool.html</p>"))
    }
}
