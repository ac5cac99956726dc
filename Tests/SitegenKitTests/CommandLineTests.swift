import Foundation
import Testing

/// The `sitegen` executable's interface: exit codes and messages.
@Suite struct CommandLineTests {
    static let binary = SiteTests.repository.appendingPathComponent(".build/debug/sitegen")

    func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try runProcess(Self.binary, arguments)
    }

    @Test func successExitsZero() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        let result = try run(["build", "--root", site.root.path])
        #expect(result.status == 0)
        #expect(result.output.contains("built 1 pages (3 files) into output/"))
    }

    @Test func contentErrorExitsOneWithLocation() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "[x](nope.md)\n")
        let result = try run(["build", "--root", site.root.path])
        #expect(result.status == 1)
        #expect(result.output.contains("content/index.md:4:5: error:"))
        #expect(result.output.contains("output left unchanged"))
    }

    @Test func usageErrorExitsTwo() throws {
        #expect(try run(["build", "--no-such-option"]).status == 2)
        #expect(try run(["publish"]).status == 2)
    }

    @Test func versionAndHelpExitZero() throws {
        #expect(try run(["--version"]).status == 0)
        let help = try run(["build", "--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("--drafts"))
    }
}
