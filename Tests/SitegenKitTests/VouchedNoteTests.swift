import Foundation
import Testing

@testable import SitegenKit

/// A build after edits checks every note page whose source changed in every combination, as a clean build does,
/// and takes the check of each unchanged one from the last good build (`SiteFeature.decodePage`'s `vouched`).
@Suite struct VouchedNoteTests {
    typealias Incremental = IncrementalBuildTests

    /// A note page's front matter with one part worded `text`.
    static func note(_ text: String) -> String {
        "layout: note\nnote:\n  to: Someone\n  subject: Hi\n  parts:\n    - text: \"\(text)\"\n"
            + "sample:\n  name: Sam\n  company: Acme\n"
    }

    /// The incremental test site with two note pages, built once.
    static func builtSite() throws -> TestSite {
        let site = try Incremental.site()
        try site.write("content/questions.yaml", NoteTemplateCheckTests.questions)
        try site.write("content/note-checks.yaml", NoteTemplateCheckTests.checks)
        try site.page("notes/one.md", title: "Note one", front: note("Thank you, {{company}}."))
        try site.page("notes/two.md", title: "Note two", front: note("Thanks again, {{company}}."))
        Incremental.settle()
        try SiteBuilder.build(Incremental.options(site))
        Incremental.settle()
        return site
    }

    @Test func aNotePageEditedToBreakARuleIsCheckedAgain() throws {
        let site = try Self.builtSite()
        defer { site.remove() }
        try site.page("guide/e.md", title: "Extra e", "## Intro\n\nExtra e, edited.\n")
        try site.page("notes/two.md", title: "Note two", front: Self.note("Thanks. see you at {{company}}."))
        let problems = EditedBuildTests.expectTheProblemsACleanBuildGives(site)
        #expect(problems.map(\.message).contains { $0.contains("a sentence starts with a small letter") })
    }

    @Test func unchangedNotePagesComeOutAsACleanBuildWritesThemAfterABodyEdit() throws {
        let site = try Self.builtSite()
        defer { site.remove() }
        // A build of the edited page alone (`buildEdited`), which reads the note pages for the features' index.
        try site.page("guide/e.md", title: "Extra e", "## Intro\n\nExtra e, edited.\n")
        let report = try EditedBuildTests.expectLikeACleanBuild(site)
        #expect(report.rendered < report.pages)
        #expect(try site.read("notes/two.html").contains("Thanks again, Acme."))
    }

    @Test func unchangedNotePagesComeOutAsACleanBuildWritesThemAfterANavigationTitleEdit() throws {
        let site = try Self.builtSite()
        defer { site.remove() }
        // A title in the navigation shows on every page: a full build, with the note pages vouched for.
        try site.page(
            "guide/a.md", title: "Part aaa", front: "nav: 3\n", "## Intro\n\nPart a. See [the next](b.md#intro).\n")
        _ = try EditedBuildTests.expectLikeACleanBuild(site)
        #expect(try site.read("notes/one.html").contains("Part aaa"))
        #expect(try site.read("notes/one.html").contains("Thank you, Acme."))
    }
}
