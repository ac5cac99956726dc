import Foundation
import Testing

@testable import SitegenKit

/// The guide's layouts decide what each page shows: reading time on articles, printing on the checklist.
@Suite(.serialized) struct GuideLayoutTests {
    static let pages = [
        "index.html", "guide.html", "sending.html", "checklist.html", "about.html", "builder.html", "404.html",
        "notes/index.html", "notes/recruiter.html",
    ]

    /// The built guide's pages, by output path.
    static func guide() throws -> [String: String] {
        let output = try SiteTests.buildGuide()
        defer { try? FileManager.default.removeItem(at: output) }
        var pages: [String: String] = [:]
        for page in Self.pages {
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
