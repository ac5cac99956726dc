import Foundation
import Testing

@testable import SitegenKit

/// A build after edits checks every note page whose source changed in every combination, as a clean build does,
/// and every note page after a data file changed; an unchanged note page's check it takes from the last good
/// build (`SiteFeature.decodePage`'s `checkedBefore`).
@Suite struct NoteRecheckTests {
    typealias Incremental = IncrementalBuildTests

    /// A note page's front matter with one part worded `text`, and `company` as the sample's company.
    static func note(_ text: String, company: String = "Acme") -> String {
        "layout: note\nnote:\n  to: Someone\n  subject: Hi\n  parts:\n    - text: \"\(text)\"\n"
            + "sample:\n  name: Sam\n  company: \"\(company)\"\n"
    }

    /// Adds the notes' data and three note pages to `site`. The third's sample company ends in `?`, which a name
    /// loses when tidied, and a line keeps.
    static func addNotes(to site: TestSite) throws {
        try site.write("content/questions.yaml", NoteTemplateCheckTests.questions)
        try site.write("content/note-checks.yaml", NoteTemplateCheckTests.checks)
        try site.page("notes/one.md", title: "Note one", front: note("Thank you, {{company}}."))
        try site.page("notes/two.md", title: "Note two", front: note("Thanks again, {{company}}."))
        try site.page(
            "notes/three.md", title: "Note three",
            front: note("Thank you, {{company}}, for your time.", company: "Acme?"))
    }

    /// The incremental test site with the three note pages, built once.
    static func builtSite() throws -> TestSite {
        let site = try Incremental.site()
        try addNotes(to: site)
        Incremental.settle()
        try SiteBuilder.build(Incremental.options(site))
        Incremental.settle()
        return site
    }

    /// Settles the edits just made, builds, and expects the problems a clean build gives, among them the check of
    /// every combination's (not one the template's parsing gives) about `rule`.
    @discardableResult
    static func expectTheCheckToFind(_ rule: String, in site: TestSite) -> [Diagnostic] {
        // Settled, so an edited page's stamp is trusted: what tells it from the recorded one is the stamp itself.
        Incremental.settle()
        let problems = EditedBuildTests.expectTheProblemsACleanBuildGives(site)
        #expect(problems.map(\.message).contains { $0.hasPrefix("this note breaks a rule") && $0.contains(rule) })
        return problems
    }

    /// Makes the company a line in `fields.yaml`: a line keeps the `?` of note three's sample company, which then
    /// clashes with the comma after it.
    static func makeTheCompanyALine(in site: TestSite) throws {
        let fields = try String(contentsOf: site.root.appendingPathComponent("content/fields.yaml"), encoding: .utf8)
        try site.write(
            "content/fields.yaml",
            fields.replacingOccurrences(of: "    example: Acme", with: "    example: Acme\n    shape: line"))
    }

    @Test func aNotePageEditedWithAnotherPageToBreakARuleIsCheckedAgain() throws {
        let site = try Self.builtSite()
        defer { site.remove() }
        try site.page("guide/e.md", title: "Extra e", "## Intro\n\nExtra e, edited.\n")
        try site.page("notes/two.md", title: "Note two", front: Self.note("Thanks. see you at {{company}}."))
        Self.expectTheCheckToFind("a sentence starts with a small letter", in: site)
    }

    @Test func aNotePageEditedAloneToBreakARuleIsCheckedAgain() throws {
        let site = try Self.builtSite()
        defer { site.remove() }
        try site.page("notes/one.md", title: "Note one", front: Self.note("Thank you, {{company}}.. Bye."))
        Self.expectTheCheckToFind("clashing punctuation", in: site)
    }

    @Test func aChangedDataFileHasEveryNotePageCheckedAgain() throws {
        let site = try Self.builtSite()
        defer { site.remove() }
        try Self.makeTheCompanyALine(in: site)
        let problems = Self.expectTheCheckToFind("clashing punctuation", in: site)
        #expect(problems.map(\.location.file) == ["content/notes/three.md"])
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
        // A title in the navigation shows on every page: a full build, the note pages' checks taken from the last.
        try site.page(
            "guide/a.md", title: "Part aaa", front: "nav: 3\n", "## Intro\n\nPart a. See [the next](b.md#intro).\n")
        _ = try EditedBuildTests.expectLikeACleanBuild(site)
        #expect(try site.read("notes/one.html").contains("Part aaa"))
        #expect(try site.read("notes/one.html").contains("Thank you, Acme."))
    }
}
