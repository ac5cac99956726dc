import Testing

@testable import SitegenKit

/// A note template that would write something a careful person would not send does not build.
@Suite struct NoteTemplateCheckTests {
    static let questions = """
        questions:
          - id: news
            label: Who told you?
            hint: Pick one.
            answers:
              - id: manager
                label: The manager
              - id: email
                label: An email

        """
    static let checks = """
        leaning:
          - phrase: Still,
            at: start
            why: It answers what came before.
          - phrase: also
            why: It adds to what came before.

        """

    /// A site whose one note has `parts` (YAML lines indented for the `parts:` list) and `sample` lines.
    func failure(parts: String, sample: String = "  name: Sam\n  company: Acme\n") throws -> Diagnostic? {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/questions.yaml", Self.questions)
        try site.write("content/note-checks.yaml", Self.checks)
        try site.page(
            "n.md", front: "layout: note\nnote:\n  to: Someone\n  subject: Hi\n  parts:\n\(parts)sample:\n\(sample)")
        return site.failure().first
    }

    @Test func aPartThatLeansOnASwitchableOneNeedsAnAloneWording() throws {
        let problem = try #require(
            try failure(
                parts: """
                        - element: thanks
                          text: "Thank you."
                        - element: ask
                          join: space
                          text: "Still, keep me in mind."

                    """))
        #expect(problem.message == "this part leans on the one before it (“Still,”), which the reader can switch off")
        #expect(problem.location.line == 10)
    }

    @Test func anAloneWordingThatStillLeansIsRefused() throws {
        let problem = try failure(
            parts: """
                    - element: thanks
                      text: "Thank you."
                    - element: ask
                      text: "I also ask you to keep me in mind."
                      alone: "I also hope you keep me in mind."

                """)
        #expect(problem?.message == "this part's `alone` wording still leans on the part before it (“also”)")
    }

    @Test func aVariantForAnAnswerTheQuestionDoesNotHaveIsRefused() throws {
        let problem = try failure(
            parts: """
                    - element: thanks
                      text: "Thank you."
                      by: news
                      variants:
                        emial: "Thanks for the email."

                """)
        #expect(problem?.message == "unknown key `emial` in `variants` of `news`")
        #expect(problem?.hint?.hasPrefix("did you mean `email`?") == true)
    }

    @Test func anUnknownQuestionIsRefused() throws {
        let problem = try failure(
            parts: """
                    - text: "Thank you."
                      by: newz
                      variants:
                        email: "Thanks."

                """)
        #expect(problem?.message == "unknown question `newz`")
        #expect(problem?.hint == "did you mean `news`?")
    }

    @Test func aFieldInAVariantNeedsASampleValue() throws {
        let problem = try failure(
            parts: """
                    - text: "Thank you."
                      by: news
                      variants:
                        email: "Thanks, {{company}}."

                """, sample: "  name: Sam\n")
        #expect(problem?.message == "`sample` has no value for `company`")
    }

    @Test func aSampleAnswerMustBeOneOfTheQuestions() throws {
        let problem = try failure(
            parts: "    - text: \"Thank you, {{company}}.\"\n", sample: "  company: Acme\n  news: mail\n")
        #expect(problem?.message == "`mail` is not an answer to `news`")
    }

    @Test func aSentenceMayNotStartWithWhatTheReaderTyped() throws {
        let problem = try #require(
            try failure(parts: "    - text: \"Hello.\"\n    - join: space\n      text: \"{{company}} is great.\"\n"))
        #expect(problem.message.hasPrefix("this note breaks a rule"))
        #expect(problem.message.contains("a sentence starts with what the reader typed"))
    }

    @Test func doubledPunctuationInATemplateIsRefused() throws {
        let problem = try failure(parts: "    - text: \"Thank you, {{company}}..\"\n")
        #expect(problem?.message.contains("clashing punctuation") == true)
    }

    @Test func aSentenceStartingWithASmallLetterIsRefused() throws {
        let problem = try failure(parts: "    - text: \"Thank you. see you, {{company}}.\"\n")
        #expect(problem?.message.contains("a sentence starts with a small letter") == true)
    }

    @Test func aLineWithoutAWordIsRefused() throws {
        let problem = try failure(
            parts: "    - text: \"Thank you, {{company}}.\"\n    - join: line\n      text: \"—\"\n")
        #expect(problem?.message.hasPrefix("this note breaks a rule") == true)
        #expect(problem?.message.contains("a line with no words: “—”") == true)
    }

    @Test func anEmptyParagraphIsRefused() throws {
        let problem = try failure(
            parts: "    - text: \"Thank you, {{company}}.\"\n    - join: paragraph\n      text: \"\\nBye.\"\n")
        #expect(problem?.message.hasPrefix("this note breaks a rule") == true)
        #expect(problem?.message.contains("an empty paragraph") == true)
    }

    @Test func theGuidesOwnTemplatesKeepEveryRuleInEveryCombination() throws {
        let notes = try GuideNotes()
        for entry in notes.index.notes {
            #expect(notes.feature.firstProblem(in: entry.page) == nil, "\(entry.route.source)")
        }
    }

    @Test func theGuidesSamplesStayWithinTheLengthGuidanceAndItsAdvice() throws {
        #expect(try GuideNotes().index.warnings.map(\.message) == [])
    }
}
