import Foundation
import Testing

@testable import SitegenKit

/// Output folders the build must refuse, or keep exactly, whatever the author passes as `--output`.
@Suite struct OutputRefusalTests {
    @Test func anExistingFileIsRefusedAndKept() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        try site.write("README.md", "# Mine\n")
        let failure = #expect(throws: SitegenError.self) { try site.build(output: "README.md") }
        #expect(failure?.diagnostics.first?.message.contains("it is a file, not a folder") == true)
        #expect(try String(contentsOf: site.root.appendingPathComponent("README.md"), encoding: .utf8) == "# Mine\n")
    }

    @Test func aSymbolicLinkIsRefusedAndKept() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        try site.write("real/keep.txt", "mine")
        let link = site.root.appendingPathComponent("public")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real")
        let failure = #expect(throws: SitegenError.self) { try site.build(output: "public") }
        #expect(failure?.diagnostics.first?.message.contains("symbolic link") == true)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "real")
        #expect(folderTree(site.root.appendingPathComponent("real")) == ["keep.txt": .file(Data("mine".utf8))])
    }

    @Test func aFolderHoldingOnlyEmptyFoldersIsRefusedAndKept() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        let target = site.root.appendingPathComponent("public/drafts/later")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        #expect(throws: SitegenError.self) { try site.build(output: "public") }
        #expect(folderTree(site.root.appendingPathComponent("public")) == ["drafts": .folder, "drafts/later": .folder])
    }

    @Test func anEmptyFolderIsAccepted() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        try site.build()
        #expect(try site.read("index.html").contains("A page"))
    }

    @Test func emptyFoldersAddedAfterABuildAreKept() throws {
        let site = try TestSite.ofThreePages()
        defer { site.remove() }
        try FileManager.default.createDirectory(
            at: site.output.appendingPathComponent("uploads/2026"), withIntermediateDirectories: true)
        try site.changeTwoPages()
        try site.build()
        #expect(folderTree(site.output)["uploads/2026"] == .folder)
    }

    @Test func theRootOfTheFileSystemIsRefused() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        let failure = #expect(throws: SitegenError.self) {
            try SiteBuilder.build(BuildOptions(root: site.root, output: URL(fileURLWithPath: "/")))
        }
        #expect(failure?.diagnostics.first?.message.contains("the root of the file system") == true)
    }

    @Test func aFolderAboveTheProjectIsRefused() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        let failure = #expect(throws: SitegenError.self) {
            try SiteBuilder.build(BuildOptions(root: site.root, output: site.root.deletingLastPathComponent()))
        }
        #expect(failure?.diagnostics.first?.message.contains("holds the project's own files") == true)
    }

    @Test func aMissingProjectFolderIsRefusedAndNothingIsCreated() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-nothing-\(UUID())")
        let failure = #expect(throws: SitegenError.self) { try SiteBuilder.build(BuildOptions(root: missing)) }
        #expect(failure?.diagnostics.first?.message.contains("does not exist") == true)
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }

    @Test func aDamagedManifestIsRefusedAndTheOutputKept() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        try site.build()
        try Data([0x66, 0xFF, 0x0A]).write(to: site.output.appendingPathComponent(OutputWriter.manifestName))
        let before = folderTree(site.output)
        let failure = #expect(throws: SitegenError.self) { try site.build() }
        #expect(failure?.diagnostics.first?.message.contains("damaged") == true)
        #expect(folderTree(site.output) == before)
    }

    @Test func aFileNameWithALineBreakCannotMakeALaterBuildRemoveAFile() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        try site.page("old.md")
        try site.build()
        // A file of the author's whose name, split at its line break, would read as two of sitegen's paths.
        try site.write("output/x\nindex.html", "mine")
        try site.write("output/keep%0A.txt", "mine too")
        try site.build()
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/old.md"))
        try site.build()
        let tree = folderTree(site.output)
        #expect(tree["x\nindex.html"] == .file(Data("mine".utf8)))
        #expect(tree["keep%0A.txt"] == .file(Data("mine too".utf8)))
        #expect(tree["index.html"] != nil)
        #expect(tree["old.html"] == nil)
    }

    @Test func manifestPathsSurviveEncodingWhateverTheyHold() throws {
        let paths: Set<String> = ["plain.html", "a\nb", "100%.html", "tab\there", "café/é.html", "%41", "\u{7F}"]
        let text = OutputManifest(paths: paths).text()
        #expect(text.split(separator: "\n").count == paths.count + 2)
        #expect(OutputManifest(text: Array(text.utf8))?.paths == Set(paths.map(ExactPath.init)))
    }

    @Test func aFIFOInTheOutputIsKeptAndNeverOpened() throws {
        let site = try TestSite.ofThreePages()
        defer { site.remove() }
        #expect(mkfifo(site.output.appendingPathComponent("pipe").path, 0o644) == 0)
        try site.changeTwoPages()
        try site.build()
        #expect(folderTree(site.output)["pipe"] == .other)
        #expect(try site.read("a.html").contains("Changed"))
    }

    /// Writes a file named with a Latin-1 "é" into the output: a name no Swift `String` path can spell again, so it
    /// could not be carried over into a new copy of the site. Returns the name, for checking it is still there.
    static func addFileNamedInLatin1(to site: TestSite) -> [UInt8] {
        let name = Array((site.output.path + "/caf").utf8) + [0xE9, 0]
        let descriptor = name.withUnsafeBufferPointer {
            open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT, 0o644)
        }
        #expect(descriptor >= 0)
        close(descriptor)
        return name
    }

    static func exists(_ name: [UInt8]) -> Bool {
        name.withUnsafeBufferPointer {
            access(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), F_OK) == 0
        }
    }

    @Test func aNameThatIsNotUTF8InTheOutputStopsTheBuildBeforeTheSwap() throws {
        let site = try TestSite.ofThreePages()
        defer { site.remove() }
        let name = Self.addFileNamedInLatin1(to: site)
        try site.changeTwoPages()
        let failure = #expect(throws: SitegenError.self) { try site.build() }
        #expect(failure?.diagnostics.first?.message.contains("not valid UTF-8") == true)
        #expect(try site.read("a.html").contains("Before"))
        #expect(Self.exists(name))
        #expect(leftovers(beside: site.output).isEmpty)
    }

    /// One changed file goes in by a rename of its own, so the rest of the output, odd names and all, stays put.
    @Test func aNameThatIsNotUTF8InTheOutputIsKeptWhenOneFileChanges() throws {
        let site = try TestSite.ofThreePages()
        defer { site.remove() }
        let name = Self.addFileNamedInLatin1(to: site)
        try site.page("a.md", "Changed\n")
        try site.build()
        #expect(try site.read("a.html").contains("Changed"))
        #expect(Self.exists(name))
        #expect(leftovers(beside: site.output).isEmpty)
    }

    @Test func anAssetWhoseNameStartsWithAHashIsTrackedLikeAnyOther() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        try site.write("content/#tag.txt", "tagged")
        try site.build()
        try site.build()
        #expect(try site.read("#tag.txt") == "tagged")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/#tag.txt"))
        try site.build()
        #expect(folderTree(site.output)["#tag.txt"] == nil)
    }

    @Test func somethingBesideTheOutputThatOnlyLooksLikeALeftoverIsKept() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        try site.write(".output.sitegen-new-abc", "a file, not a folder")
        try site.write(".output.sitegen-notes/keep.txt", "not a name sitegen gives")
        try site.build()
        #expect(folderTree(site.root)[".output.sitegen-new-abc"] == .file(Data("a file, not a folder".utf8)))
        #expect(folderTree(site.root)[".output.sitegen-notes/keep.txt"] != nil)
    }
}
