import Testing

@testable import SitegenKit

/// How a note is put together from its parts, the reader's answers and the elements they switch off.
@Suite struct NoteComposerTests {
    let notes: GuideNotes

    init() throws { notes = try GuideNotes() }

    func compose(
        _ name: String, values: [String: String]? = nil, answers: [String: String] = [:], off: Set<String> = []
    ) throws -> NoteComposer.Note {
        let page = try notes.note(name)
        return notes.feature.composer.compose(
            page.template, values: values ?? page.sample, answers: answers, off: off)
    }

    @Test func aPartLeaningOnOneSwitchedOffUsesItsOwnWording() throws {
        let text = try compose("hiring-manager", off: ["disappointment"]).text
        #expect(!text.contains("Still,"))
        #expect(text.contains("\n\nI’m glad I had the chance to meet your team"))
    }

    @Test func thePartAfterTheGreetingNeverLeansOnTheThanksLeftOut() throws {
        let text = try compose("hiring-manager", off: ["outcome"]).text
        #expect(text.hasPrefix("Dear Mr. Alvarez,\n\nThank you and your colleagues for the time"))
    }

    @Test func aWordingThatLeavesItsElementOutCountsAsLeftOutForTheNextPart() throws {
        let note = try compose("hiring-manager", answers: ["news": "automated"])
        #expect(note.statuses["outcome"] == .unneeded)
        #expect(note.text.contains("where things stand. Thank you and your colleagues for the time"))
        #expect(!note.text.contains("too,"))
    }

    @Test func whoToldTheNewsChoosesTheOutcomeWording() throws {
        let told = try compose("recruiter", answers: ["news": "recruiter"]).text
        let automated = try compose("recruiter", answers: ["news": "automated"]).text
        #expect(told.contains("I appreciate hearing it directly from you."))
        #expect(automated.contains("I received the email letting me know"))
        #expect(!automated.contains("hearing it directly from you"))
    }

    @Test func howTheyMetChoosesTheThanks() throws {
        let call = try compose("interviewer", answers: ["met": "call"]).text
        #expect(call.contains("Thank you for making time to speak with me."))
        #expect(!call.contains("panel"))
    }

    @Test func aSkippedPartPassesOnItsParagraphBreak() throws {
        let note = try compose("hiring-manager", off: ["interest"])
        #expect(note.text.contains("solve problems early.\n\nIf a similar position opens"))
    }

    @Test func aValueEndingInAFullStopTakesThePlaceOfTheNotes() throws {
        var values = try notes.note("hiring-manager").sample
        values["company"] = "Acme Inc."
        #expect(try compose("hiring-manager", values: values).text.contains("like to work at Acme Inc. If"))
    }

    @Test func blanksAreMarkedAndCountAgainstTheirElement() throws {
        var values = try notes.note("hiring-manager").sample
        values["learned"] = "  "
        let note = try compose("hiring-manager", values: values)
        #expect(note.text.contains("I appreciated learning [Something you appreciated learning]."))
        #expect(note.statuses["appreciation"] == .blank)
        #expect(note.statuses["outcome"] == .covered)
    }

    @Test func aSwitchedOffElementIsOffAndAnAbsentOneHasNoStatus() throws {
        let note = try compose("short-message", off: ["courtesy"])
        #expect(note.statuses["courtesy"] == .off)
        #expect(note.statuses["disappointment"] == nil)
    }
}
