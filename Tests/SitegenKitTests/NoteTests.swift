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
}
