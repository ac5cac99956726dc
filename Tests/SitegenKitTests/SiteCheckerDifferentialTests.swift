import Foundation
import Testing

@testable import SitegenKit

/// `sitegen check` reads links as browsers do: where every URL of every page leads, as the checker resolves it,
/// is what html5lib (a WHATWG-conformant parser, from PyPI) resolves, on the built guide and on a hostile site
/// of character references, `<base href>`, percent-encoding and odd file names.
@Suite struct SiteCheckerDifferentialTests {
    static let hostileSite = SiteTests.repository.appendingPathComponent("Tests/SitegenKitTests/Fixtures/hostile-site")

    /// What `Tests/html5lib/targets.py` prints for the site in `folder`.
    func html5libTargets(_ folder: URL) throws -> [String: Set<String>] {
        let script = SiteTests.repository.appendingPathComponent("Tests/html5lib/targets.py")
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path, folder.path])
        try #require(result.status == 0, "html5lib (`bash .ci/test` installs it):\n\(result.output)")
        let decoded = try JSONDecoder().decode([String: [String]].self, from: Data(result.output.utf8))
        return decoded.mapValues(Set.init)
    }

    func expectSameTargets(_ folder: URL) throws {
        let ours = try SiteChecker(directory: folder).siteTargets()
        let theirs = try html5libTargets(folder)
        #expect(ours.keys.sorted() == theirs.keys.sorted())
        for page in theirs.keys.sorted() {
            let mine = ours[page] ?? []
            let other = theirs[page] ?? []
            #expect(
                mine == other,
                "\(page): only sitegen: \(mine.subtracting(other).sorted()); only html5lib: \(other.subtracting(mine).sorted())"
            )
        }
    }

    @Test func theBuiltGuide() throws {
        let output = try SiteTests.buildGuide()
        defer { try? FileManager.default.removeItem(at: output) }
        try expectSameTargets(output)
    }

    @Test func aHostileSite() throws {
        let targets = try html5libTargets(Self.hostileSite)
        // The fixture does reach what it is about, so the comparison is not of two empty sets.
        #expect(targets["index.html"]?.contains("–.html#a–b") == true)
        #expect(targets["sub/based.html"]?.contains("docs/index.html") == true)
        try expectSameTargets(Self.hostileSite)
    }
}
