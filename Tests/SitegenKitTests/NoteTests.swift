import Foundation
import Testing

@testable import SitegenKit

@Suite struct NoteTests {
    static let note = """
        layout: note
        note:
          to: The manager
          subject: "Thanks from {{name}}"
          parts:
            - text: "Dear team,"
            - element: thanks
              text: "Thank you, {{company}}."
            - element: ask
              join: space
              text: Keep me in mind.
            - text: "Best,"
            - join: line
              text: "{{name}}"
        sample:
          name: Sam
          company: Acme

        """

    @Test func noteTextJoinsPartsBySeparator() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("n.md", front: Self.note)
        try site.build()
        #expect(
            try site.read("n.html").contains("<pre>Dear team,\n\nThank you, Acme. Keep me in mind.\n\nBest,\nSam</pre>")
        )
    }

    @Test func aNoteWithoutASubjectHasNone() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write(
            "themes/default/templates/note.mustache", "{{<base}}{{$main}}[{{note.subject}}]{{/main}}{{/base}}")
        try site.page(
            "n.md", front: Self.note.replacingOccurrences(of: "  subject: \"Thanks from {{name}}\"\n", with: ""))
        try site.build()
        #expect(try site.read("n.html").contains("<main>[]</main>"))
    }

    @Test func unknownFieldSuggestsTheClosest() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page(
            "n.md",
            front: Self.note.replacingOccurrences(of: "Thank you, {{company}}.", with: "Thank you, {{compnay}}."))
        let problem = try #require(site.failure().first)
        #expect(problem.message == "unknown field `compnay`")
        #expect(problem.hint == "did you mean `company`?")
        #expect(problem.location.line == 10)
    }

    @Test func onlyFieldPlaceholdersAreAllowed() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("n.md", front: Self.note.replacingOccurrences(of: "Keep me in mind.", with: "\"{{#x}}y{{/x}}\""))
        #expect(site.failure().first?.message == "`{{#x}}` is not a field placeholder")
    }

    @Test func unknownElementIsAnError() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("n.md", front: Self.note.replacingOccurrences(of: "element: ask", with: "element: asks"))
        let problem = try #require(site.failure().first)
        #expect(problem.message == "unknown element `asks`")
        #expect(problem.hint == "did you mean `ask`?")
    }

    @Test func everyUsedFieldNeedsASampleValue() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("n.md", front: Self.note.replacingOccurrences(of: "  company: Acme\n", with: ""))
        #expect(site.failure().first?.message == "`sample` has no value for `company`")
    }

    @Test func templateTokensKeepLiteralBracesOutOfReach() {
        let template = NoteTemplate(
            recipient: "r", subject: [.text("s")],
            parts: [
                .init(
                    element: nil, join: .paragraph, wording: .init(text: [.text("Hi "), .field("name")]),
                    variants: [:])
            ])
        let composer = NoteComposer(
            fields: [Field(id: "name", label: "Name", hint: "", example: "", scope: .reader, shape: .name)],
            questions: [])
        #expect(composer.compose(template, values: ["name": "{{company}}"]).text == "Hi {{company}}")
        #expect(composer.compose(template, values: [:]).text == "Hi [Name]")
    }

    @Test func elementsAreDefinedOnceAndRenderedWhereEmbedded() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", "Intro\n\n<!-- sitegen:elements -->\n")
        try site.build()
        #expect(try site.read("index.html").contains("<ol><li>Say thanks</li><li>Ask</li></ol>"))
    }

    @Test func aSiteWithNoNoteFilesBuildsWithoutTheFeature() throws {
        let site = try TestSite()
        defer { site.remove() }
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/elements.yaml"))
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/fields.yaml"))
        try site.page("index.md", "Hello\n")
        try site.build()
        #expect(try site.read("index.html").contains("Hello"))
    }

    @Test func sampleValuesWithoutANoteAreAnError() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("n.md", front: "sample:\n  name: Sam\n")
        #expect(site.failure().first?.message == "`sample` is only used with `note`")
    }

    @Test func aSampleLongerThanTheGuidanceIsAWarningAndFailsAStrictBuild() throws {
        let site = try TestSite()
        defer { site.remove() }
        let long = Array(repeating: "word", count: 160).joined(separator: " ")
        try site.page("n.md", front: Self.note.replacingOccurrences(of: "company: Acme", with: "company: \(long)"))
        let report = try site.build()
        // 160 words of sample, and 10 of the template's own.
        #expect(
            report.warnings.map(\.message).contains("this sample note has 170 words, more than the 150 notes aim for"))
        do {
            try SiteBuilder.build(BuildOptions(root: site.root, strict: true))
            Issue.record("a strict build passed")
        } catch {
            #expect(error.diagnostics.contains { $0.message.hasPrefix("this sample note has 170 words") })
        }
    }

    @Test func aSamplePageSaysWhichSituationItAssumes() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/questions.yaml", NoteTemplateCheckTests.questions)
        try site.write(
            "themes/default/templates/note.mustache",
            "{{<base}}{{$main}}<pre>{{note.text}}</pre>{{#note.situation}}<p>{{answer}}|{{others}}</p>{{/note.situation}}{{/main}}{{/base}}"
        )
        try site.page(
            "n.md",
            front: Self.note.replacingOccurrences(
                of: "      text: \"Thank you, {{company}}.\"",
                with:
                    "      text: \"Thank you, {{company}}.\"\n      by: news\n      variants:\n        email: \"Thanks for the email.\""
            ) + "  news: email\n")
        try site.build()
        let page = try site.read("n.html")
        #expect(page.contains("Dear team,\n\nThanks for the email. Keep me in mind."))
        #expect(page.contains("<p>an email|the manager</p>"))
    }
}
