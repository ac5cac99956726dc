import Foundation
import Testing

@testable import SitegenKit

@Suite struct OutputTests {
    /// Replaces `site`'s output `index.html` with a file of someone else's, as an editor saving by rename would.
    static func replaceIndexByHand(_ site: TestSite) {
        let index = site.output.appendingPathComponent("index.html")
        try? FileManager.default.removeItem(at: index)
        try? Data("edited by hand".utf8).write(to: index)
    }

    /// Builds with `options`, which replace `index.html` by hand during the build: the build must stop, saying
    /// so, and leave that file and nothing beside the output.
    static func expectStoppedByTheHandEdit(_ site: TestSite, _ options: BuildOptions) throws {
        let failure = #expect(throws: SitegenError.self) { try SiteBuilder.build(options) }
        #expect(failure?.diagnostics.first?.message.contains("changed while the build ran") == true)
        #expect(try site.read("index.html") == "edited by hand")
        #expect(leftovers(beside: site.output).isEmpty)
    }

    /// The inode of `path` in `site`'s output folder (the folder itself for ""): what tells a file or folder
    /// that stayed from one put in its place.
    static func inode(_ site: TestSite, _ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(
            atPath: path.isEmpty ? site.output.path : site.output.appendingPathComponent(path).path)
        return (attributes[.systemFileNumber] as? NSNumber)?.intValue ?? -1
    }

    @Test func pagesInManyFoldersAreWrittenInParallelWithoutLoss() throws {
        let site = try TestSite()
        defer { site.remove() }
        for folder in 0..<20 {
            for page in 0..<10 { try site.page("f\(folder)/p\(page).md", "Page \(folder)-\(page)\n") }
        }
        let report = try site.build()
        #expect(report.pages == 200)
        #expect(try site.read("f19/p9.html").contains("Page 19-9"))
        #expect(try site.snapshot().keys.filter { $0.hasSuffix(".html") }.count == 200)
    }

    @Test func twoBuildsOfTheSameInputAreIdentical() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "# Hi\n\n[a](notes/a.md)\n")
        try site.page("notes/a.md", front: "nav: 1\n")
        try site.build()
        let first = try site.snapshot()
        try site.build()
        #expect(try site.snapshot() == first)
    }

    @Test func unchangedFilesAreNotRewrittenByTheNextBuild() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "Same\n")
        try site.page("other.md", "Before\n")
        try site.page("third.md", "Before\n")
        try site.build()
        func inode(_ path: String) throws -> Int { try Self.inode(site, path) }
        let index = try inode("index.html")
        let other = try inode("other.html")
        // Two pages change, so the whole site is swapped in (one would be renamed in by itself).
        try site.page("other.md", "After\n")
        try site.page("third.md", "After\n")
        try site.build()
        #expect(try inode("index.html") == index)
        #expect(try inode("other.html") != other)
        #expect(try site.read("other.html").contains("After"))
    }

    /// One page edited changes one file of the output: that file is renamed over its old copy, and the output
    /// folder itself, like every other file in it, stays where it is (no swap of the whole site).
    @Test func aBuildThatChangesOneFileReplacesItInTheOutputFolderItself() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "Same\n")
        try site.page("notes/other.md", "Before\n")
        try site.build()
        try site.write("output/CNAME", "example.org")
        func inode(_ path: String) throws -> Int { try Self.inode(site, path) }
        let (folder, notes, other) = (try inode(""), try inode("notes"), try inode("notes/other.html"))
        try site.page("notes/other.md", "After\n")
        try site.build()
        #expect(try inode("") == folder)
        #expect(try inode("notes") == notes)
        #expect(try inode("notes/other.html") != other)
        #expect(try site.read("notes/other.html").contains("After"))
        #expect(try site.read("CNAME") == "example.org")
        #expect(leftovers(beside: site.output).isEmpty)
        let edited = folderTree(site.output)
        var clean = BuildOptions(root: site.root)
        clean.clean = true
        try SiteBuilder.build(clean)
        #expect(folderTree(site.output) == edited)
    }

    /// The record written after a file is replaced in place describes the output as it now is: with nothing
    /// changed since, the next build has nothing to do.
    @Test func aBuildAfterAFileReplacedInPlaceIsUpToDate() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "Same\n")
        try site.page("other.md", "Before\n")
        IncrementalBuildTests.settle()
        try site.build()
        try site.page("other.md", "After\n")
        IncrementalBuildTests.settle()
        #expect(try site.build().rendered == 1)
        IncrementalBuildTests.settle()
        let report = try site.build()
        #expect(report.upToDate)
        #expect(report.rendered == 0)
    }

    /// A file the build carries over that changes in the output while the build runs is never lost to the swap:
    /// the build stops and leaves it.
    @Test func aCarriedOverFileChangedDuringTheBuildStopsTheSwap() throws {
        let site = try TestSite.ofThreePages()
        defer { site.remove() }
        try site.changeTwoPages()
        var options = BuildOptions(root: site.root)
        // Just before the carried-over index.html is linked into the new site, someone replaces it.
        options.disk.fault = { step throws(FileError) in
            if step.action == "link" && step.path.hasSuffix("/index.html") { Self.replaceIndexByHand(site) }
        }
        try Self.expectStoppedByTheHandEdit(site, options)
        #expect(try site.read("a.html").contains("Before"))
    }

    /// A page the record carries over without comparing its bytes is checked against the record when it is
    /// carried: one replaced since the record was checked is not carried into the new site.
    @Test func aPageTheRecordCarriesOverThatChangedSinceStopsTheBuild() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "Same\n")
        try site.build()
        let index = site.output.appendingPathComponent("index.html").path
        let recorded = try #require(BuildRecord.OutputStamp.of(index, stamp: FileStamp.of(index), now: 0))
        Self.replaceIndexByHand(site)
        let staging = try OutputWriter(output: site.output, displayPath: "output").begin()
        defer { staging.discard() }
        let failure = #expect(throws: SitegenError.self) {
            try staging.write(
                OutputFile(path: "index.html", contents: .previous(path: index, recorded: recorded)))
        }
        #expect(failure?.diagnostics.first?.message.contains("changed while the build ran") == true)
    }

    /// Where the link to a carried-over page is refused, the page is copied; one that changed meanwhile is not
    /// copied into the new site: the build stops and leaves it.
    @Test func aCarriedOverFileChangedWhereItsLinkIsRefusedStopsTheSwap() throws {
        let site = try TestSite.ofThreePages()
        defer { site.remove() }
        try site.changeTwoPages()
        var options = BuildOptions(root: site.root)
        options.disk.fault = { step throws(FileError) in
            if step.action == "link" && step.path.hasSuffix("/index.html") {
                Self.replaceIndexByHand(site)
                throw FileError(action: step.action, path: step.path, code: EPERM)
            }
        }
        try Self.expectStoppedByTheHandEdit(site, options)
    }

    /// A file that changes in the output while a one-file build runs rules out the rename in place (the rest of
    /// the output would no longer be the new site), and stops the swap that takes its place.
    @Test func aCarriedOverFileChangedDuringAnInPlaceBuildStopsIt() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "Same\n")
        try site.page("a.md", "Before\n")
        try site.build()
        try site.page("a.md", "After\n")
        var options = BuildOptions(root: site.root)
        // Once every page is rendered (index.html compared and noted as carried over), someone replaces it.
        options.progress = { done, total in
            if done == total { Self.replaceIndexByHand(site) }
        }
        try Self.expectStoppedByTheHandEdit(site, options)
        #expect(try site.read("a.html").contains("Before"))
    }

    /// A manifest in another form than this sitegen writes (an older sitegen's) is never kept by a build that
    /// changes one file: the output comes out as a clean build's, manifest and all.
    @Test func aManifestInAnOlderFormIsRewrittenByABuildThatChangesOneFile() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "Same\n")
        try site.page("a.md", "Before\n")
        try site.build()
        let manifest = site.output.appendingPathComponent(OutputManifest.fileName)
        let current = try String(contentsOf: manifest, encoding: .utf8)
        // The form before paths were encoded: the first line, then the paths.
        var lines = current.split(separator: "\n", omittingEmptySubsequences: false)
        lines.remove(at: 1)
        try lines.joined(separator: "\n").write(to: manifest, atomically: false, encoding: .utf8)
        try site.page("a.md", "After\n")
        try site.build()
        #expect(try String(contentsOf: manifest, encoding: .utf8) == current)
        #expect(try site.read("a.html").contains("After"))
    }

    /// Two files changed cannot change in one step in place, so the whole site is swapped in.
    @Test func aBuildThatChangesTwoFilesSwapsInTheWholeSite() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("a.md", "Before\n")
        try site.page("b.md", "Before\n")
        try site.build()
        let folder = try Self.inode(site, "")
        try site.page("a.md", "After\n")
        try site.page("b.md", "After\n")
        try site.build()
        #expect(try Self.inode(site, "") != folder)
        #expect(try site.read("a.html").contains("After") && site.read("b.html").contains("After"))
    }

    @Test func failedBuildLeavesThePreviousOutputExactlyAsItWas() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "Good\n")
        try site.build()
        let before = try site.snapshot()
        try site.page("index.md", "[broken](missing.md)\n")
        #expect(!site.failure().isEmpty)
        #expect(try site.snapshot() == before)
        #expect(try site.read("index.html").contains("Good"))
    }

    @Test func refusesTheProjectRootAndItsSourceFolders() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        for folder in [".", "content", "themes", "themes/default", "content/notes", ".."] {
            #expect(throws: SitegenError.self, "output \(folder)") { try site.build(output: folder) }
        }
        #expect(try site.snapshot(site.root.appendingPathComponent("content"))["index.md"] != nil)
    }

    @Test func refusesAFolderHoldingFilesItDidNotWrite() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        try site.write("public/notes.txt", "mine")
        #expect(throws: SitegenError.self) { try site.build(output: "public") }
        #expect(try String(contentsOf: site.root.appendingPathComponent("public/notes.txt"), encoding: .utf8) == "mine")
    }

    @Test func keepsFilesAddedToTheOutputAfterABuild() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        try site.page("old.md")
        try site.build()
        try site.write("output/CNAME", "example.org")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/old.md"))
        try site.build()
        let files = try site.snapshot()
        #expect(files["CNAME"] == Data("example.org".utf8))
        #expect(files["old.html"] == nil, "a page sitegen wrote and no longer builds is removed")
    }

    @Test func keepsHiddenFilesAndLinksAddedToTheOutput() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        try site.build()
        try site.write("output/.well-known/security.txt", "Contact: x")
        try site.write("output/.htaccess", "Options -Indexes")
        let link = site.output.appendingPathComponent("latest.html")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "index.html")
        try site.build()
        let files = try site.snapshot()
        #expect(files[".well-known/security.txt"] == Data("Contact: x".utf8))
        #expect(files[".htaccess"] == Data("Options -Indexes".utf8))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "index.html")
    }

    @Test func neverOverwritesAFileItDidNotWrite() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        try site.build()
        try site.write("output/about.html", "hand-made")
        try site.page("about.md")
        let problem = try #require(site.failure().first)
        #expect(problem.message == "the build would overwrite output/about.html, which sitegen did not write")
        #expect(try site.read("about.html") == "hand-made")
    }

    @Test func twoSourcesForOneOutputFileAreAnError() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        try site.write("content/assets/style.css", "clash")
        #expect(
            site.failure().first?.message
                == "content/assets/style.css and themes/default/assets/style.css both produce the output file assets/style.css"
        )
    }
}
