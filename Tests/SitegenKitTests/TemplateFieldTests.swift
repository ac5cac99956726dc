import Foundation
import Testing

@testable import SitegenKit

/// The lists of template values are the one place each value is named: the README's table is made from them.
@Suite struct TemplateFieldTests {
    static let begin =
        "<!-- template values: made from the lists in the code; TemplateFieldTests prints it when stale -->"
    static let end = "<!-- /template values -->"

    /// The README's table, as the lists give it.
    static var table: String {
        var lines = [begin, "", "| where | name | value |", "|---|---|---|"]
        for type in PageContext.fieldTypes + NoteValues.fieldTypes {
            for (name, summary) in type.templateSummaries {
                lines.append("| \(type.templatePlace) | `\(name)` | \(summary) |")
            }
        }
        return (lines + ["", end]).joined(separator: "\n")
    }

    @Test func theReadmeTableIsMadeFromTheLists() throws {
        let readme = try String(contentsOf: SiteTests.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: Self.begin), "the README has no template-values table")
        let stop = try #require(readme.range(of: Self.end, range: start.upperBound..<readme.endIndex))
        let written = String(readme[start.lowerBound..<stop.upperBound])
        #expect(written == Self.table, "replace the README's table with:\n\(Self.table)")
    }

    @Test func noTypeNamesAValueTwice() {
        for type in PageContext.fieldTypes + NoteValues.fieldTypes {
            #expect(Set(type.templateNames).count == type.templateNames.count, "\(type)")
        }
    }
}

extension TemplateFields {
    /// Names and summaries, for the README.
    static var templateSummaries: [(String, String)] { templateFields.map { ($0.name, $0.summary) } }
}
