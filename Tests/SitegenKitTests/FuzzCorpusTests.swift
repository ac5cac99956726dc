import Foundation
import Testing

/// The fuzzers' kept corpus (Tests/Fuzz/corpus/), replayed through the same targets in an ordinary build: every
/// input a fuzzing run found interesting, and every crash it found once fixed, stays a regression test.
@Suite struct FuzzCorpusTests {
    static let binary = SiteTests.repository.appendingPathComponent(".build/debug/sitegen-fuzz")

    @Test(arguments: ["page", "template", "note", "html", "links"])
    func theKeptCorpusRunsCleanly(target: String) throws {
        let corpus = SiteTests.repository.appendingPathComponent("Tests/Fuzz/corpus/\(target)")
        let count = try FileManager.default.contentsOfDirectory(atPath: corpus.path).count
        #expect(count > 0)
        let (status, output) = try runProcess(Self.binary, [target, corpus.path], in: SiteTests.repository)
        #expect(status == 0, "\(output)")
        #expect(output.contains("replayed \(count) inputs through \(target)"))
    }
}
