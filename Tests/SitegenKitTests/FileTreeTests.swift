import Foundation
import Testing

@_spi(Benchmark) @testable import SitegenKit

@Suite struct FileTreeTests {
    /// Files in the top folder whose names sort just before, between and after its folders' paths: `a.md` and
    /// `a-b.md` before `a/…`, `a0.md` and `ab.md` after it.
    static let tricky = [
        "a.md", "a/x.md", "a/sub/y.md", "a-b.md", "a0.md", "ab.md", "ab/z.md", "b/.hidden.md", "b/c/d/e.md",
        "Z.md", "é.md", "e/é/f.md", "z",
    ]

    private func tree(_ paths: [String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-tree-\(UUID().uuidString)")
        for path in paths {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(path.utf8).write(to: url)
        }
        return root
    }

    /// The folders below the top one are stamped on separate threads, and their runs are merged with the top
    /// folder's files: the result is still in the order of a sort of all the paths.
    @Test(arguments: [false, true], ["", "content/"])
    func stampsComeSortedByPath(followingFolders: Bool, prefix: String) throws {
        let root = try tree(Self.tricky)
        defer { try? FileManager.default.removeItem(at: root) }
        var linked: Set<String> = []
        let paths = FileTree.stamps(under: root, prefix: prefix, followingFolders: followingFolders, linked: &linked)
            .map(\.path)
        #expect(paths == Self.tricky.filter { !$0.contains("/.") }.map { prefix + $0 }.sorted())
        #expect(linked.isEmpty)
    }

    /// A build lists the content from the stamps it took: the same files, in the same order, as a walk of the
    /// folder gives, a file reached through a symbolic link left out.
    @Test func listingFromStampsIsTheWalksListing() throws {
        let root = try tree(Self.tricky)
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("a/linked.md").path,
            withDestinationPath: root.appendingPathComponent("a.md").path)
        var linked: Set<String> = []
        let inputs = FileTree.stamps(under: root, prefix: "content/", followingFolders: false, linked: &linked)
            .map(\.path)
        #expect(linked == ["content/a/linked.md"])
        let listing = SiteContent.listing(inputs + ["themes/default/page.mustache"], linked: linked)
        #expect(listing == FileTree.files(under: root))
        #expect(!listing.contains("a/linked.md"))
    }
}
