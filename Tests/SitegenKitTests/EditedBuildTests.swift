import Foundation
import Testing

@testable import SitegenKit

/// A build after page edits that reach no further renders those pages from the record alone, and still writes
/// what a clean build writes (`SiteBuilder.buildEdited`).
@Suite struct EditedBuildTests {
    typealias Incremental = IncrementalBuildTests

    /// Builds incrementally into `output/` and cleanly into `clean/`, and expects the same files.
    static func expectLikeACleanBuild(_ site: TestSite) throws -> BuildReport {
        let report = try SiteBuilder.build(Incremental.options(site))
        try SiteBuilder.build(Incremental.options(site, clean: true))
        #expect(try site.snapshot() == site.snapshot(site.root.appendingPathComponent("clean")))
        return report
    }

    @Test func aPageInAnotherFolderLinkingToAnEditedHeadingRendersWithItsOwnNeighbours() throws {
        let site = try Incremental.site()
        defer { site.remove() }
        for name in ["x", "y", "z"] {
            try site.page("more/\(name).md", title: "More \(name)", "See [part a](../guide/a.md#intro).\n")
        }
        Incremental.settle()
        try SiteBuilder.build(Incremental.options(site))
        Incremental.settle()
        try site.page("guide/a.md", title: "Part a", front: "nav: 3\n", "## Intro\n\nPart a, edited.\n")
        let report = try Self.expectLikeACleanBuild(site)
        // Part a, and the pages linking to its heading: index, guide/d and the three in more/.
        #expect(report.rendered == 6)
        #expect(try site.read("more/y.html").contains("More x"))
        #expect(try site.read("more/y.html").contains("More z"))
    }

    @Test func aNewTitleOfAPageInTheFeedReachesTheFeed() throws {
        let site = try Incremental.site()
        defer { site.remove() }
        try site.write(
            "content/site.yaml", "title: Test Site\nauthor: Tester\nlanguage: en\nurl: https://example.org/\n")
        try site.page("guide/e.md", title: "Extra e", front: "date: 2026-11-30\n", "Extra e.\n")
        Incremental.settle()
        try SiteBuilder.build(Incremental.options(site))
        Incremental.settle()
        try site.page("guide/e.md", title: "Extra eee", front: "date: 2026-11-30\n", "Extra e.\n")
        _ = try Self.expectLikeACleanBuild(site)
        #expect(try site.read("feed.xml").contains("Extra eee"))
    }

    @Test func aPageTheEditedBuildRenderedIsCarriedOverByTheNextFullBuild() throws {
        let site = try Incremental.site()
        defer { site.remove() }
        try SiteBuilder.build(Incremental.options(site))
        Incremental.settle()
        try site.page("guide/f.md", title: "Extra f", "## Intro\n\nExtra f, edited.\n")
        // A pause, so that the edited build can trust the edited page's stamp, and key the page.
        Incremental.settle()
        #expect(try SiteBuilder.build(Incremental.options(site)).rendered == 1)
        Incremental.settle()
        // A file edited by hand in the output takes the next build past the record's shortcut for edits; the
        // page the edited build rendered has the key a full build gives it, so only the edited file renders.
        try Data("edited by hand".utf8).write(to: site.output.appendingPathComponent("guide/e.html"))
        let report = try Self.expectLikeACleanBuild(site)
        #expect(report.rendered == 1)
    }

    @Test func aLinkAddedToADraftIsTheErrorACleanBuildGives() throws {
        let site = try Incremental.site()
        defer { site.remove() }
        try site.page("guide/later.md", title: "Later", front: "draft: true\n", "Not yet.\n")
        Incremental.settle()
        try SiteBuilder.build(Incremental.options(site))
        Incremental.settle()
        try site.page("guide/g.md", title: "Extra g", "## Intro\n\nSee [later](later.md).\n")
        let edited = #expect(throws: SitegenError.self) { try SiteBuilder.build(Incremental.options(site)) }
        let clean = #expect(throws: SitegenError.self) {
            try SiteBuilder.build(Incremental.options(site, clean: true))
        }
        #expect(edited?.diagnostics.map(\.description) == clean?.diagnostics.map(\.description))
        #expect(edited?.diagnostics.first?.message.contains("links to a draft") == true)
    }

    @Test func aTitleEditRightAfterABodyEditReachesTheNeighbours() throws {
        let site = try Incremental.site()
        defer { site.remove() }
        try SiteBuilder.build(Incremental.options(site))
        Incremental.settle()
        // No pause: the first edit's stamp is too new for the record to trust, but its front matter is kept for
        // comparing, so the second edit, to the title, still reaches the neighbours that show it.
        try site.page("guide/f.md", title: "Extra f", "## Intro\n\nExtra f, edited.\n")
        try SiteBuilder.build(Incremental.options(site))
        try site.page("guide/f.md", title: "Extra eff", "## Intro\n\nExtra f, edited.\n")
        _ = try Self.expectLikeACleanBuild(site)
        #expect(try site.read("guide/e.html").contains("Extra eff"))
        #expect(try site.read("guide/g.html").contains("Extra eff"))
    }
}
