import Foundation
import Testing

@testable import SitegenKit

/// The guide's layouts decide what each page shows: reading time on articles, printing on the checklist.
@Suite(.serialized) struct GuideLayoutTests {
    /// Every page of the built guide, by output path.
    static func guide() throws -> [String: String] {
        let output = try SiteTests.buildGuide()
        defer { try? FileManager.default.removeItem(at: output) }
        var pages: [String: String] = [:]
        let files = FileManager.default.enumerator(atPath: output.path)?.compactMap { $0 as? String } ?? []
        for page in files where page.hasSuffix(".html") {
            pages[page] = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
        }
        return pages
    }

    @Test func readingTimeIsShownOnArticlesOnly() throws {
        let shown = try Self.guide().filter { $0.value.contains("<p class=\"reading-time\">") }.keys.sorted()
        #expect(shown == ["guide.html", "sending.html"])
    }

    @Test func theChecklistOffersPrintingAndNoOtherPageDoes() throws {
        let offering = try Self.guide().filter { $0.value.contains("data-print") }
        #expect(offering.keys.sorted() == ["checklist.html"])
        #expect(offering["checklist.html"]?.contains("<script src=\"assets/print.js\"></script>") == true)
    }
}
