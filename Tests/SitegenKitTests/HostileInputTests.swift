import Foundation
import Testing

@testable import SitegenKit

/// Input a careless editor, another operating system or a hostile contributor produces: each is either read as the
/// author meant, or refused with the file, the line and column, and what to do.
@Suite struct HostileInputTests {
    func writeBytes(_ site: TestSite, _ path: String, _ bytes: [UInt8]) throws {
        let url = site.root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    @Test func aByteOrderMarkIsAccepted() throws {
        let site = try TestSite()
        defer { site.remove() }
        try writeBytes(site, "content/index.md", [0xEF, 0xBB, 0xBF] + Array("---\ntitle: Marked\n---\nHello\n".utf8))
        try site.build()
        #expect(try site.read("index.html").contains("Marked"))
    }

    @Test func aNULByteIsAnErrorAtItsLineAndColumn() throws {
        let site = try TestSite()
        defer { site.remove() }
        try writeBytes(site, "content/index.md", Array("---\ntitle: T\n---\nbefore".utf8) + [0] + Array("after\n".utf8))
        let problem = try #require(site.failure().first)
        #expect(problem.location == SourceLocation(file: "content/index.md", line: 4, column: 7))
        #expect(problem.message.contains("NUL"))
    }

    @Test func aControlCharacterIsAnErrorButTabsAndFormFeedsAreNot() throws {
        let site = try TestSite()
        defer { site.remove() }
        try writeBytes(
            site, "content/index.md", Array("---\ntitle: T\n---\n\tok\u{0C}\n".utf8) + [0x1B] + Array("[31m\n".utf8))
        let problem = try #require(site.failure().first)
        #expect(problem.location == SourceLocation(file: "content/index.md", line: 5, column: 1))
        #expect(problem.message.contains("U+001B"))
    }

    @Test func aControlCharacterIsFoundWhereverItFallsAmongAllowedOnes() throws {
        // Plain letters, then allowed control characters, multi-byte UTF-8 and DEL's neighbour `~` around the one
        // forbidden byte, at every offset of 600 bytes (the scan's first two blocks of 256 and a shorter last
        // one), with and without a byte-order mark before them.
        let filler = Array("a\t\u{0C}é\r\n~€ ".utf8)
        let text = Array("abcdefghijklmnop".utf8) + (0..<584).map { filler[$0 % filler.count] }
        for mark in [[], [0xEF, 0xBB, 0xBF] as [UInt8]] {
            for forbidden: UInt8 in [0x00, 0x01, 0x0B, 0x1F, 0x7F] {
                for offset in text.indices {
                    // The character at `offset` (from its first byte) becomes the forbidden byte and letters, so
                    // the text stays valid UTF-8 whatever the offset.
                    var bytes = text
                    var at = offset
                    while at > 0, bytes[at] & 0xC0 == 0x80 { at -= 1 }
                    bytes[at] = forbidden
                    var next = at + 1
                    while next < bytes.count, bytes[next] & 0xC0 == 0x80 {
                        bytes[next] = UInt8(ascii: "a")
                        next += 1
                    }
                    var caught: SitegenError?
                    do { _ = try SourceFile.decode(mark + bytes, displayPath: "p.md") } catch { caught = error }
                    let problem = try #require(caught?.diagnostics.first, "\(forbidden) at \(at)")
                    let lineStart = bytes[..<at].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                    let column = String(decoding: bytes[lineStart..<at], as: UTF8.self).count + 1
                    let line = bytes[..<at].count(where: { $0 == 0x0A }) + 1
                    #expect(problem.location.line == line, "\(forbidden) at \(at)")
                    #expect(problem.location.column == column, "\(forbidden) at \(at)")
                }
            }
        }
        let allowed = Array(Array(repeating: filler, count: 6).joined())
        #expect(throws: Never.self) { try SourceFile.decode(allowed, displayPath: "p.md") }
    }

    @Test func invalidUTF8IsLocated() throws {
        let site = try TestSite()
        defer { site.remove() }
        try writeBytes(site, "content/index.md", Array("---\ntitle: T\n---\ncafé ".utf8) + [0xE9] + Array("\n".utf8))
        let problem = try #require(site.failure().first)
        #expect(problem.location == SourceLocation(file: "content/index.md", line: 4, column: 6))
        #expect(problem.message.contains("not valid UTF-8"))
    }

    @Test func namesDifferingOnlyInNormalizationAreReportedWithBothPaths() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("caf\u{E9}.md", title: "Composed")
        try site.page("cafe\u{301}.md", title: "Decomposed")
        let problems = site.failure()
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("Unicode normalization") == true)
        #expect(problems.first?.message.contains("content/caf\u{E9}.md") == true)
    }

    @Test func namesDifferingOnlyInCaseAreReportedWithBothPaths() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("About.md")
        try site.page("about.md")
        let problem = try #require(site.failure().first)
        #expect(problem.message.contains("content/About.md and content/about.md differ only in upper and lower case"))
    }

    @Test func foldersDifferingOnlyInCaseAreReported() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("Notes/a.md")
        try site.page("notes/b.md")
        let problem = try #require(site.failure().first)
        #expect(
            problem.message.contains(
                "the folders content/Notes/ and content/notes/ differ only in upper and lower case"))
    }

    @Test func foldersDifferingOnlyInCaseDeepInTheTreeAreReportedOnce() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("guide/notes/a.md")
        try site.page("guide/notes/b.md")
        try site.page("guide/Notes/c.md")
        try site.page("guide/notes/d.md")
        let problems = site.failure()
        #expect(problems.count == 1)
        #expect(
            problems.first?.message.contains(
                "the folders content/guide/Notes/ and content/guide/notes/ differ only in upper and lower case") == true
        )
    }

    @Test func collidingNamesAreReportedInTheOrderOfTheirFirstFile() throws {
        let site = try TestSite()
        defer { site.remove() }
        // Listed by name: A.md, B.html, B.md, a.md. The B pair is complete first; the A pair starts first.
        try site.page("A.md")
        try site.page("a.md")
        try site.page("B.md")
        try site.write("content/B.html", "<p>an asset</p>")
        let problems = site.failure().map(\.message)
        #expect(problems.count == 2)
        #expect(problems.first?.contains("content/A.md and content/a.md differ only in") == true)
        #expect(problems.last?.contains("content/B.html and content/B.md both produce") == true)
    }

    @Test func anAssetCollidingByCaseWithATheAssetIsNamed() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        try site.write("content/assets/Style.css", "x")
        let problem = try #require(site.failure().first)
        #expect(problem.message.contains("content/assets/Style.css"))
        #expect(problem.message.contains("themes/default/assets/style.css"))
    }

    @Test func twoSourcesForOneOutputFileAreBothNamed() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("a.md")
        try site.write("content/a.html", "<p>hand-made</p>")
        let problem = try #require(site.failure().first)
        #expect(problem.message == "content/a.html and content/a.md both produce the output file a.html")
    }

    @Test func aControlCharacterInAFileNameIsRefused() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        try site.write("content/bad\nname.txt", "x")
        let problem = try #require(site.failure().first)
        #expect(problem.location.file == "content/bad\\nname.txt")
        #expect(problem.message.contains("control character"))
    }

    @Test func aYAMLAliasBombIsRefusedQuickly() throws {
        let site = try TestSite()
        defer { site.remove() }
        var lines = ["title: Bomb", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1..<12 {
            lines.append(
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        try site.write("content/index.md", "---\n" + lines.joined(separator: "\n") + "\n---\nBody\n")
        let problem = try #require(site.failure().first)
        #expect(problem.message.contains("expands to more than 100,000 values"))
        #expect(problem.location.file == "content/index.md")
    }

    @Test func deeplyNestedYAMLIsRefused() throws {
        let site = try TestSite()
        defer { site.remove() }
        let nested = (0..<80).map { String(repeating: "  ", count: $0) + "k\($0):" }.joined(separator: "\n") + " x"
        try site.write(
            "content/index.md",
            "---\ntitle: Deep\nsample:\n" + nested.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")
                + "\n---\nBody\n")
        let problem = try #require(site.failure().first)
        #expect(problem.message.contains("nests more than 64 levels"))
    }

    @Test func aDuplicateKeyIsReportedAtItsSecondAppearanceWithoutALibraryDump() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/index.md", "---\ntitle: One\ndescription: D\ntitle: Two\n---\nBody\n")
        let problem = try #require(site.failure().first)
        #expect(problem.location == SourceLocation(file: "content/index.md", line: 4, column: 1))
        #expect(problem.message == "the key `title` appears twice in one mapping (first on line 2)")
        #expect(!problem.description.contains("Context:"))
    }

    @Test func everyUnknownKeyOfAFileIsReported() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/index.md", "---\ntitle: T\ntitel: T\nauthr: A\n---\nBody\n")
        let problems = site.failure()
        #expect(problems.map(\.location.line) == [3, 4])
        #expect(problems.allSatisfy { $0.message.hasPrefix("unknown key") })
    }

    @Test func aThemeOutsideThemesIsRefused() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        for theme in ["../..", "/etc", ".hidden", "a/b"] {
            try site.write("content/site.yaml", "title: T\ntheme: \"\(theme)\"\n")
            let problem = try #require(site.failure().first, "theme \(theme)")
            #expect(problem.message.contains("must be the name of a folder inside themes/"), "theme \(theme)")
            #expect(problem.location.line == 2, "theme \(theme)")
        }
    }

    @Test func aFIFOInContentIsSkippedAndNeverOpened() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        #expect(mkfifo(site.root.appendingPathComponent("content/pipe.md").path, 0o644) == 0)
        try site.build()
        #expect(try site.read("index.html").contains("A page"))
        #expect(folderTree(site.output)["pipe.html"] == nil)
    }

    @Test func anAuthorsFileWhoseNameIsCanonicallyEqualToAPageIsKept() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("caf\u{E9}.md", title: "Page")
        try site.build()
        // The same name with the accent as a separate code point: another file on Linux, the author's own.
        try site.write("output/cafe\u{301}.html", "mine")
        try site.page("caf\u{E9}.md", title: "Changed")
        try site.build()
        // Read by exact bytes: a dictionary keyed by `String` would take the two names for one.
        let output = site.output.path
        #expect(FileBytes.read(atPath: output + "/cafe\u{301}.html") == Array("mine".utf8))
        #expect(
            String(decoding: FileBytes.read(atPath: output + "/caf\u{E9}.html") ?? [], as: UTF8.self).contains(
                "Changed"))
    }

    @Test func aLargeAssetIsComparedAndCopiedWithoutReadingItWhole() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        let size = 3 * FileBytes.blockSize + 17
        var bytes = [UInt8](repeating: 0x42, count: size)
        bytes[size - 1] = 0x43
        try writeBytes(site, "content/big.bin", bytes)
        try site.build()
        #expect(folderTree(site.output)["big.bin"] == .file(Data(bytes)))
        #expect(FileBytes.equal(atPath: site.output.appendingPathComponent("big.bin").path, .bytes(bytes)))
        bytes[size - 1] = 0x44
        #expect(!FileBytes.equal(atPath: site.output.appendingPathComponent("big.bin").path, .bytes(bytes)))
    }

    @Test func aPageOverTheSizeLimitIsRefusedBeforeItIsRead() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        // A sparse file: its size is checked before a byte of it is read.
        let path = site.root.appendingPathComponent("content/huge.md").path
        let descriptor = open(path, O_WRONLY | O_CREAT, 0o644)
        #expect(ftruncate(descriptor, off_t(SourceFile.maxBytes + 1)) == 0)
        close(descriptor)
        let problem = try #require(site.failure().first)
        #expect(problem.location.file == "content/huge.md")
        #expect(problem.message.contains("over the 16 MiB"))
    }
}
