import Foundation
import Testing

@testable import SitegenKit

/// Write failures injected at every step the output writer takes: whichever step fails, the output is the whole
/// old site with the author's own files, nothing is left beside it, and the next build goes through.
@Suite struct OutputFaultTests {
    /// A site built once, with files of the author's own in its output, and then changed, so the next build
    /// rewrites pages, carries over unchanged ones and the author's files, and removes a page. With `oneFile`, only
    /// one page's text changes, so the next build changes one file of the output, in place; and the site is built
    /// twice before, with pauses that let the record trust every stamp, so that build works from the record alone
    /// (`SiteBuilder.buildEdited`), the manifest's stamp vouched for.
    static func changedSite(oneFile: Bool = false) throws -> TestSite {
        let site = try TestSite()
        try site.page("index.md", "[a](a.md)\n")
        try site.page("a.md", "Old\n")
        try site.page("gone.md")
        try site.page("notes/b.md")
        if oneFile { IncrementalBuildTests.settle() }
        try site.build()
        try site.write("output/CNAME", "example.org")
        try site.write("output/.well-known/security.txt", "Contact: x")
        try FileManager.default.createDirectory(
            at: site.output.appendingPathComponent("empty"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: site.output.appendingPathComponent("latest.html").path, withDestinationPath: "index.html")
        if oneFile {
            IncrementalBuildTests.settle()
            try site.page("a.md", "Between\n")
            #expect(try site.build().rendered == 1)
            IncrementalBuildTests.settle()
        }
        try site.page("a.md", "New\n")
        guard !oneFile else { return site }
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/gone.md"))
        try site.write("content/files/data.txt", "an asset")
        return site
    }

    /// The steps of one build of `changedSite()`, with the random part of staging names masked; the steps in
    /// `failing` fail each time they are taken.
    static func steps(exchanges: Bool, oneFile: Bool, failing: Set<String> = []) throws -> [String] {
        let site = try changedSite(oneFile: oneFile)
        defer { site.remove() }
        let recorded = Recorder()
        var options = BuildOptions(root: site.root)
        options.disk.exchanges = exchanges
        options.disk.fault = { step throws(FileError) in
            recorded.add(masked(step.description))
            if failing.contains(masked(step.description)) {
                throw FileError(action: step.action, path: step.path, code: ENOSPC)
            }
        }
        try SiteBuilder.build(options)
        return Array(Set(recorded.lines)).sorted()
    }

    /// The same step of two builds of two copies of the site reads the same: the temporary folder and the random
    /// part of the staging folder's name are masked.
    static func masked(_ text: String) -> String {
        text.replacing(/sitegen-test-[0-9A-F-]+/, with: "ROOT")
            .replacing(/sitegen-(new|old)-[0-9a-z]+/) { "sitegen-\($0.output.1)-*" }
            .replacing(/sitegen-record-new-[0-9a-z]+/, with: "sitegen-record-new-*")
    }

    /// The rename that puts the one changed file of `changedSite(oneFile: true)` in place, among `steps`.
    static func inPlaceRename(among steps: [String]) -> String? {
        steps.first { $0.hasPrefix("rename") && $0.hasSuffix("/a.html") }
    }

    /// One build of `changedSite(oneFile:)` in which each step of `failing` fails the first time it is taken, as a
    /// full disk would, and works when tried again: the build succeeds with the new site (only where each failing
    /// step has a fallback) or fails with the output as it was; either way nothing is left beside the output and
    /// the next build makes the new site. Returns whether the build failed.
    static func trial(exchanges: Bool, oneFile: Bool, failing: [String]) throws -> Bool {
        let expected = try cleanBuildOfChangedSite(oneFile: oneFile)
        let site = try changedSite(oneFile: oneFile)
        defer { site.remove() }
        let before = folderTree(site.output)
        var options = BuildOptions(root: site.root)
        options.disk.exchanges = exchanges
        let fired = Recorder()
        options.disk.fault = { step throws(FileError) in
            let name = masked(step.description)
            if failing.contains(name), !fired.lines.contains(name) {
                fired.add(name)
                throw FileError(action: step.action, path: step.path, code: ENOSPC)
            }
        }
        let label = "failing \(failing.joined(separator: ", then "))"
        var failed = false
        do {
            try SiteBuilder.build(options)
            // Only a step with a fallback may fail without failing the build (a hard link, then a copy; the rename
            // of one changed file, then a swap of the whole site), or one that writes the build record, which
            // only costs the next build its shortcut.
            let fallsBack = failing.allSatisfy {
                $0.hasPrefix("link") || $0.contains("sitegen-record") || $0 == inPlaceRename(among: failing)
            }
            #expect(fallsBack, "\(label)")
            #expect(folderTree(site.output) == expected, "\(label)")
        } catch {
            failed = true
            #expect(error.diagnostics.first?.message.contains("the disk is full") == true, "\(label)")
            #expect(error.outputUnchanged)
            #expect(folderTree(site.output) == before, "\(label)")
        }
        #expect(leftovers(beside: site.output).isEmpty, "\(label)")
        try site.build()
        #expect(folderTree(site.output) == expected, "\(label)")
        #expect(leftovers(beside: site.output).isEmpty, "\(label)")
        return failed
    }

    /// Whether a failure of `step` is checked by the trials: the last steps remove the old copy after the swap (or
    /// the staging folder after a file is renamed in place), and are checked on their own below.
    static func isTried(_ step: String, inPlace: Bool) -> Bool {
        !step.hasPrefix("remove") || (step.contains("sitegen-staging") && !inPlace)
    }

    @Test(arguments: [true, false], [false, true])
    func aFailureAtAnyStepLeavesTheOutputAsItWasOrTheBuildRecovers(exchanges: Bool, oneFile: Bool) throws {
        let steps = try Self.steps(exchanges: exchanges, oneFile: oneFile)
        #expect(steps.count > (oneFile ? 5 : 10))
        // One file changed goes in by a rename of its own; more, by a swap of the whole site.
        #expect((Self.inPlaceRename(among: steps) != nil) == oneFile)
        var failed = 0
        for failing in steps where Self.isTried(failing, inPlace: oneFile) {
            if try Self.trial(exchanges: exchanges, oneFile: oneFile, failing: [failing]) { failed += 1 }
        }
        #expect(failed > (oneFile ? 2 : 10))
    }

    /// Where the one changed file cannot be renamed in place, the build swaps in the whole site instead; a
    /// failure at any step of that leaves the output as it was too.
    @Test(arguments: [true, false])
    func aFailureAtAnyStepOfTheSwapAfterTheInPlaceRenameFailedLeavesTheOutputAsItWas(exchanges: Bool) throws {
        let rename = try #require(Self.inPlaceRename(among: try Self.steps(exchanges: exchanges, oneFile: true)))
        let steps = try Self.steps(exchanges: exchanges, oneFile: true, failing: [rename])
        #expect(steps.contains { $0.hasPrefix(exchanges ? "swap" : "rename") && !$0.hasSuffix("/a.html") })
        var failed = 0
        for failing in steps where failing != rename && Self.isTried(failing, inPlace: false) {
            if try Self.trial(exchanges: exchanges, oneFile: true, failing: [rename, failing]) { failed += 1 }
        }
        #expect(failed > 5)
    }

    /// What the output of `changedSite()` holds after a build that nothing interrupts.
    static func cleanBuildOfChangedSite(oneFile: Bool = false) throws -> [String: TreeEntry] {
        let site = try changedSite(oneFile: oneFile)
        defer { site.remove() }
        try site.build()
        return folderTree(site.output)
    }

    @Test(arguments: [true, false])
    func aFailureRemovingTheOldCopyKeepsTheNewSiteAndSaysSo(exchanges: Bool) throws {
        let site = try Self.changedSite()
        defer { site.remove() }
        let notices = Recorder()
        var options = BuildOptions(root: site.root)
        options.disk.exchanges = exchanges
        options.notice = notices.add
        options.disk.fault = { step throws(FileError) in
            if step.action == "remove" && step.path.hasSuffix("/gone.html") {
                throw FileError(action: step.action, path: step.path, code: EPERM)
            }
        }
        try SiteBuilder.build(options)
        #expect(try site.read("a.html").contains("New"))
        #expect(try site.read("CNAME") == "example.org")
        #expect(
            notices.lines.contains { $0.contains("could not remove") && $0.contains("permission denied") })
        #expect(leftovers(beside: site.output).count == 1)
        // The next build is not blocked by what was left, and clears it.
        try site.build()
        #expect(leftovers(beside: site.output).isEmpty)
    }

    @Test func aFailureRemovingTheStagingFolderAfterAFileIsReplacedInPlaceKeepsTheNewSiteAndSaysSo() throws {
        let site = try Self.changedSite(oneFile: true)
        defer { site.remove() }
        let notices = Recorder()
        var options = BuildOptions(root: site.root)
        options.notice = notices.add
        options.disk.fault = { step throws(FileError) in
            if step.action == "remove" && step.path.hasSuffix("/" + OutputWriter.stagingMarker) {
                throw FileError(action: step.action, path: step.path, code: EPERM)
            }
        }
        try SiteBuilder.build(options)
        #expect(folderTree(site.output) == (try Self.cleanBuildOfChangedSite(oneFile: true)))
        #expect(notices.lines.contains { $0.contains("could not remove") && $0.contains("permission denied") })
        #expect(leftovers(beside: site.output).count == 1)
        try site.build()
        #expect(leftovers(beside: site.output).isEmpty)
    }

    @Test func aFileCarriedOverAsACopyKeepsItsPermissionsAndTheOriginalIsNotLost() throws {
        let site = try Self.changedSite()
        defer { site.remove() }
        let cname = site.output.appendingPathComponent("CNAME").path
        #expect(chmod(cname, 0o600) == 0)
        var options = BuildOptions(root: site.root)
        // As when the kernel refuses to link another user's file (protected_hardlinks).
        options.disk.fault = { step throws(FileError) in
            if step.action == "link" && step.path.hasSuffix("/CNAME") {
                throw FileError(action: step.action, path: step.path, code: EPERM)
            }
        }
        try SiteBuilder.build(options)
        var status = stat()
        #expect(stat(cname, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o600)
        #expect(try site.read("CNAME") == "example.org")
        #expect(leftovers(beside: site.output).isEmpty)
    }

    /// A page carried over by a copy, where the link was refused, is recorded as that copy: the next build, with
    /// nothing changed, has nothing to do.
    @Test func aPageCopiedWhereALinkIsRefusedIsRecordedAsTheCopy() throws {
        let site = try Self.changedSite()
        defer { site.remove() }
        IncrementalBuildTests.settle()
        var options = BuildOptions(root: site.root)
        options.disk.fault = { step throws(FileError) in
            if step.action == "link" && step.path.hasSuffix("/notes/b.html") {
                throw FileError(action: step.action, path: step.path, code: EPERM)
            }
        }
        try SiteBuilder.build(options)
        IncrementalBuildTests.settle()
        #expect(try site.build().upToDate)
    }

    @Test func aFailedUndoSaysWhereThePreviousSiteIsAndTheNextBuildPutsItBack() throws {
        let site = try Self.changedSite()
        defer { site.remove() }
        let before = folderTree(site.output)
        var options = BuildOptions(root: site.root)
        options.disk.exchanges = false
        let renames = Recorder()
        options.disk.fault = { step throws(FileError) in
            guard step.action == "rename" else { return }
            // The first rename moves the output aside; the second (new site in) and the third (undo) fail.
            if renames.next() > 1 {
                throw FileError(action: step.action, path: step.path, code: EIO)
            }
        }
        let failure = #expect(throws: SitegenError.self) { try SiteBuilder.build(options) }
        #expect(failure?.outputUnchanged == false)
        #expect(failure?.diagnostics.first?.message.contains("the next build puts it back") == true)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
        let notices = Recorder()
        var next = BuildOptions(root: site.root)
        next.notice = notices.add
        try SiteBuilder.build(next)
        #expect(notices.lines.contains { $0.contains("put back") })
        #expect(try site.read("a.html").contains("New"))
        let after = folderTree(site.output)
        for path in ["CNAME", ".well-known/security.txt", "empty", "latest.html"] {
            #expect(after[path] == before[path], "\(path)")
        }
        #expect(leftovers(beside: site.output).isEmpty)
    }
}

/// What the next build does with what an interrupted one left beside the output folder.
@Suite struct OutputRecoveryTests {
    /// A site built once, with a file of the author's in its output, and the output then moved (or, with
    /// `copying`, copied) to `leftover` beside it, as an interrupted build would leave it.
    static func siteWithLeftover(_ leftover: String, copying: Bool) throws -> (site: TestSite, leftover: URL) {
        let site = try TestSite()
        try site.page("index.md")
        try site.build()
        try site.write("output/mine.txt", "mine")
        let folder = site.root.appendingPathComponent(leftover)
        if copying {
            try FileManager.default.copyItem(at: site.output, to: folder)
        } else {
            try FileManager.default.moveItem(at: site.output, to: folder)
        }
        return (site, folder)
    }

    @Test func anOldCopyLeftBetweenTheTwoRenamesIsPutBack() throws {
        let (site, _) = try Self.siteWithLeftover(".output.sitegen-old-crash", copying: false)
        defer { site.remove() }
        try site.build()
        #expect(try site.read("mine.txt") == "mine")
        #expect(leftovers(beside: site.output).isEmpty)
    }

    @Test func anOldCopyWhoseFilesAreAllInTheOutputIsRemoved() throws {
        // As after a crash just after the exchange: the old site beside the new, the author's file in both.
        let (site, _) = try Self.siteWithLeftover(".output.sitegen-new-crash", copying: true)
        defer { site.remove() }
        try site.build()
        #expect(leftovers(beside: site.output).isEmpty)
        #expect(try site.read("mine.txt") == "mine")
    }

    @Test func aLeftoverHoldingAFileTheOutputDoesNotIsKept() throws {
        let (site, old) = try Self.siteWithLeftover(".output.sitegen-new-crash", copying: true)
        defer { site.remove() }
        try Data("only here".utf8).write(to: old.appendingPathComponent("only-copy.txt"))
        let notices = Recorder()
        var options = BuildOptions(root: site.root)
        options.notice = notices.add
        try SiteBuilder.build(options)
        #expect(folderTree(old)["only-copy.txt"] == .file(Data("only here".utf8)))
        #expect(notices.lines.contains { $0.contains("kept") && $0.contains("only-copy.txt") })
        #expect(try site.read("mine.txt") == "mine")
    }

    @Test func aStagingFolderFromACrashedBuildIsRemoved() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        let staging = site.root.appendingPathComponent(".output.sitegen-new-crash")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data().write(to: staging.appendingPathComponent(OutputWriter.stagingMarker))
        try Data("half a page".utf8).write(to: staging.appendingPathComponent("index.html"))
        try site.build()
        #expect(leftovers(beside: site.output).isEmpty)
    }
}
