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

    /// The one JSON document `--format json` prints, decoded.
    func json(_ arguments: [String]) throws -> (status: Int32, document: [String: Any]) {
        let result = try run(arguments + ["--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8))
        return (result.status, try #require(object as? [String: Any], "not one JSON object:\n\(result.output)"))
    }

    @Test func aBuildReportsAsJSON() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        let (status, document) = try json(["build", "--root", site.root.path])
        #expect(status == 0)
        #expect(document["command"] as? String == "build")
        #expect(document["status"] as? String == "ok")
        #expect(document["pages"] as? Int == 1)
        #expect(document["files"] as? Int == 3)
        let warning = try #require((document["problems"] as? [[String: Any]])?.first)
        #expect(warning["severity"] as? String == "warning")
        #expect(warning["file"] as? String == "content/index.md")
    }

    @Test func aFailedBuildReportsAsJSONAndExitsOne() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "[x](nope.md)\n")
        let (status, document) = try json(["build", "--root", site.root.path])
        #expect(status == 1)
        #expect(document["status"] as? String == "failed")
        let problem = try #require((document["problems"] as? [[String: Any]])?.first)
        #expect(problem["file"] as? String == "content/index.md")
        #expect(problem["line"] as? Int == 4)
        #expect(problem["column"] as? Int == 5)
        #expect((problem["message"] as? String)?.contains("nope.md") == true)
    }

    @Test func aCheckReportsAsJSONAndExitsOneOnProblems() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "text\n")
        try site.build()
        try Data("<!DOCTYPE html><html lang=\"en\"><title>x</title><a href=\"gone.html\">x</a>".utf8)
            .write(to: site.output.appendingPathComponent("extra.html"))
        let (status, document) = try json(["check", site.output.path])
        #expect(status == 1)
        #expect(document["command"] as? String == "check")
        #expect(document["pages"] as? Int == 2)
        let messages = (document["problems"] as? [[String: Any]])?.compactMap { $0["message"] as? String } ?? []
        #expect(messages.contains(#"broken link "gone.html""#))
    }

    @Test func githubFormatWritesWorkflowCommands() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "[x](nope.md)\n")
        let result = try run(["build", "--root", site.root.path, "--format", "github"])
        #expect(result.status == 1)
        let line = try #require(result.output.split(separator: "\n").first { $0.hasPrefix("::error ") })
        // Named from the working folder, as GitHub wants, not from the project folder.
        #expect(line.hasPrefix("::error file=\(site.root.path)/content/index.md,line=4,col=5,title=sitegen%3A "))
        #expect(line.contains("::`nope.md` links to content/nope.md, which does not exist"))
        #expect(!line.contains("\n"))
    }

    @Test func anUnknownFormatIsAUsageError() throws {
        #expect(try run(["build", "--format", "xml"]).status == 2)
        #expect(try run(["serve", "--format", "json"]).status == 2)
    }
}
