import Foundation
import Testing

@testable import SitegenKit

/// The guide's own note feature and sample notes, loaded from the repository's content/ as a build loads them.
struct GuideNotes {
    let feature: NoteFeature
    let index: NoteIndex

    init() throws {
        let content = try SiteContent.load(
            from: SiteTests.repository.appendingPathComponent("content"), includeDrafts: false)
        feature = try #require(content.features.features.first as? NoteFeature)
        index = try #require(try SiteIndex(content).features.first as? NoteIndex)
    }

    /// The sample note whose source is `notes/NAME.md`.
    func note(_ name: String) throws -> NotePage {
        try #require(index.notes.first { $0.route.source == "notes/\(name).md" }).page
    }
}
