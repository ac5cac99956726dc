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

    /// Builds incrementally, and then cleanly, both of which must fail, and expects the same problems.
    static func expectTheProblemsACleanBuildGives(_ site: TestSite) -> [Diagnostic] {
        let edited = #expect(throws: SitegenError.self) { try SiteBuilder.build(Incremental.options(site)) }
        let clean = #expect(throws: SitegenError.self) {
            try SiteBuilder.build(Incremental.options(site, clean: true))
        }
        #expect(edited?.diagnostics.map(\.description) == clean?.diagnostics.map(\.description))
        return edited?.diagnostics ?? []
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
        let problems = Self.expectTheProblemsACleanBuildGives(site)
        #expect(problems.first?.message.contains("links to a draft") == true)
    }

    /// A build after edits knows the other pages by their record lines alone, and a link added to one's output
    /// file, or to a page that does not exist, still gets the message and the suggestion a clean build gives.
    @Test func aLinkAddedToAnOutputFileOrAMissingPageIsTheErrorACleanBuildGives() throws {
        let site = try Self.settledSite()
        defer { site.remove() }
        try site.page("guide/g.md", title: "Extra g", "## Intro\n\nSee [part a](a.html) and [part b](bb.md).\n")
        let problems = Self.expectTheProblemsACleanBuildGives(site)
        #expect(
            problems.contains { $0.message.contains("links to an output file") && $0.hint?.contains("a.md") == true })
        #expect(problems.contains { $0.message.contains("does not exist") && $0.hint?.contains("b.md") == true })
    }

    /// A page source reached through a symbolic link is not a page, for a build after edits as for a clean one:
    /// a link to it is the error a clean build gives, with or without drafts.
    @Test(arguments: [false, true]) func aLinkToALinkedSourceIsTheErrorACleanBuildGives(drafts: Bool) throws {
        let site = try Incremental.site()
        defer { site.remove() }
        try site.write("shared/later.md", "---\ntitle: Later\n---\nShared.\n")
        try FileManager.default.createSymbolicLink(
            atPath: site.root.appendingPathComponent("content/guide/later.md").path,
            withDestinationPath: site.root.appendingPathComponent("shared/later.md").path)
        func options(clean: Bool = false) -> BuildOptions {
            var options = Incremental.options(site, clean: clean)
            options.includeDrafts = drafts
            return options
        }
        try SiteBuilder.build(options())
        Incremental.settle()
        try site.page("guide/g.md", title: "Extra g", "## Intro\n\nSee [later](later.md).\n")
        let edited = #expect(throws: SitegenError.self) { try SiteBuilder.build(options()) }
        let clean = #expect(throws: SitegenError.self) { try SiteBuilder.build(options(clean: true)) }
        #expect(edited?.diagnostics.map(\.description) == clean?.diagnostics.map(\.description))
        #expect(edited?.diagnostics.first?.message.contains("draft") == false)
    }

    @Test func aTitleEditRightAfterABodyEditReachesTheNeighbours() throws {
        let site = try Incremental.site()
        defer { site.remove() }
        try SiteBuilder.build(Incremental.options(site))
        Incremental.settle()
        // No pause: the first edit's stamp is too new for the record to trust, so the record holds front matter
        // read from a file it does not vouch for; the second edit, to the title, must still reach the neighbours
        // that show it.
        try site.page("guide/f.md", title: "Extra f", "## Intro\n\nExtra f, edited.\n")
        try SiteBuilder.build(Incremental.options(site))
        try site.page("guide/f.md", title: "Extra eff", "## Intro\n\nExtra f, edited.\n")
        _ = try Self.expectLikeACleanBuild(site)
        #expect(try site.read("guide/e.html").contains("Extra eff"))
        #expect(try site.read("guide/g.html").contains("Extra eff"))
    }

    /// A site built twice, with pauses that let its record trust every stamp, so that the next build after a page
    /// edit works from the record alone, with the manifest vouched for by its stamp.
    static func settledSite() throws -> TestSite {
        let site = try Incremental.site()
        try SiteBuilder.build(Incremental.options(site))
        Incremental.settle()
        try site.page("guide/f.md", title: "Extra f", "## Intro\n\nExtra f, first edit.\n")
        try SiteBuilder.build(Incremental.options(site))
        Incremental.settle()
        return site
    }

    @Test func aFileReplacedInTheOutputDuringAnEditedBuildStopsIt() throws {
        let site = try Self.settledSite()
        defer { site.remove() }
        try site.page("guide/f.md", title: "Extra f", "## Intro\n\nExtra f, second edit.\n")
        var options = Incremental.options(site)
        // Once the edited page is written beside the output, someone replaces another page's file.
        options.progress = { done, total in
            if done == total { OutputTests.replaceIndexByHand(site) }
        }
        try OutputTests.expectStoppedByTheHandEdit(site, options)
        #expect(try site.read("guide/f.html").contains("first edit"))
    }

    @Test func aManifestChangedDuringAnEditedBuildIsWrittenAgainNotKept() throws {
        let site = try Self.settledSite()
        defer { site.remove() }
        try site.page("guide/f.md", title: "Extra f", "## Intro\n\nExtra f, second edit.\n")
        var options = Incremental.options(site)
        let manifest = site.output.appendingPathComponent(OutputManifest.fileName)
        // The record vouches for the manifest by its stamp; someone adds a line to it during the build.
        options.progress = { done, total in
            if done == total, let text = try? String(contentsOf: manifest, encoding: .utf8) {
                try? Data((text + "someone-elses.html\n").utf8).write(to: manifest)
            }
        }
        try SiteBuilder.build(options)
        try SiteBuilder.build(Incremental.options(site, clean: true))
        #expect(try site.snapshot() == site.snapshot(site.root.appendingPathComponent("clean")))
    }

    /// Adds `more/x.md`, with `body`, to `site` and builds it, with pauses that let the record trust its stamps.
    static func addSettledPage(to site: TestSite, _ body: String) throws {
        try site.page("more/x.md", title: "More x", body)
        Incremental.settle()
        try SiteBuilder.build(Incremental.options(site))
        Incremental.settle()
    }

    @Test func renderProblemsAndLinkProblemsComeTogetherAsInACleanBuild() throws {
        let site = try Self.settledSite()
        defer { site.remove() }
        try Self.addSettledPage(to: site, "See [part a](../guide/a.md#intro).\n")
        // Part a gets an embed no feature has: it does not render, so its headings are gone for more/x.md too.
        try site.page("guide/a.md", title: "Part a", front: "nav: 3\n", "## Intro\n\n<!-- sitegen:bogus -->\n")
        let problems = Self.expectTheProblemsACleanBuildGives(site)
        #expect(problems.contains { $0.message.contains("unknown embed") })
        #expect(problems.contains { $0.message.contains("no heading with id `intro`") })
    }

    @Test func aRecordLineThatDoesNotReadMeansAFullBuildNotAWrongError() throws {
        let site = try Self.settledSite()
        defer { site.remove() }
        try Self.addSettledPage(to: site, "See [extra e](../guide/e.md#intro).\n")
        // Checking more/x.md's link needs guide/e.md's line of the record, and nothing else there (it is in another
        // folder, and outside the navigation).
        let url = site.root.appendingPathComponent(".output.sitegen-record")
        let record = try String(contentsOf: url, encoding: .utf8)
        let damaged = record.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard line.hasPrefix("page\tguide/e.md\t") else { return String(line) }
            var fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            fields[5] = "not a stamp"
            return fields.joined(separator: "\t")
        }.joined(separator: "\n")
        #expect(damaged != record)
        try Data(damaged.utf8).write(to: url)
        try site.page("more/x.md", title: "More x", "See [extra e](../guide/e.md#intro), again.\n")
        let report = try Self.expectLikeACleanBuild(site)
        #expect(report.rendered == report.pages)
    }
}
