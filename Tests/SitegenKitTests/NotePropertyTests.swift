import Foundation
import Testing

@testable import SitegenKit

/// Generated values typed the way people type (capitals, trailing punctuation, quotes, `&`, apostrophes,
/// right-to-left scripts, emoji, stray spaces, nothing at all), for every template, with elements switched off and
/// every answer: the notes keep every rule of `NoteInvariants`, and the builder's JavaScript composes exactly what
/// Swift composes. The seed is fixed, so every run tries the same values.
@Suite struct NotePropertyTests {
    /// The test target's `SplitMix64`, with the picks these tests make.
    struct Generator {
        var random: SplitMix64

        init(state: UInt64) { random = SplitMix64(seed: state) }

        mutating func next() -> UInt64 { random.next() }

        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    }

    static let bases: [FieldShape: [String]] = [
        .name: [
            "Dana", "Ms. Okafor", "𐵐𐵑 Labs", "𲎰", "Dr. Lee-Wong", "O’Brien & Sons", "acme inc.", "Acme Inc.", "Yahoo!",
            "eBay",
            "شركة النور", "חברת אור", "Zoë Ångström", "🚀 Rocket Labs", "Dana Jr.", "ACME", "Smith & Co",
            "\"Quoted\" Ltd", "Dear Tom", "Maple Street Health",
        ],
        .title: [
            "Product Designer", "the Data Analyst role", "a .NET Developer position", "Senior Architect.",
            "Nurse (Night Shift)", "UX/UI designer", "Café Manager", "Head of R&D", "مهندس برمجيات",
        ],
        .clause: [
            "helping your team redesign the onboarding flow", "Helping your team..", "About your programme!.",
            "“building dashboards”", "looking forward to leading the migration", "how you plan releases; and why",
            "the way you use R & Python", "learning about your team’s rituals", "working with 🤝 partners",
            "دعم الفريق في المشروع", "that it's a great place to grow", "I had been looking forward to the launch",
            "The way your designers and engineers plan each release together", "Python migrations", "'quoted'",
        ],
        .line: ["alex@example.com", "alex@example.com.", "+1 555 0100", " (555) 010-0199 ,", "alex@example.com;"],
    ]
    static let endings = [
        ".", "..", "!", "!.", "?", "…", ",", ";", ":", " .", "!!", "?!", ".,", ",!!", ";!.", ". role",
    ]
    static let spaces = [" ", "  ", "\t", "\n", "\u{A0}", "\r\n", "\u{2003}", "\u{205F}", "\u{1680}", "\u{85}"]
    /// What people type before an answer: stray marks, a repeated lead-in, a salutation.
    static let openings = [
        ", ", ". ", "; ", ",", ". , ", "looking forward to ", "looking forward to . ", "I appreciated learning, ",
        "Dear ", "the ", "a ",
    ]

    /// One value for `field`, dressed the way people type.
    static func value(for field: Field, _ random: inout Generator) -> String {
        if random.chance(8) { return random.pick(["", "   ", "\n", "...", "—"]) }
        var value = random.pick(bases[field.shape] ?? ["x"])
        if random.chance(25), let first = value.first { value = first.uppercased() + value.dropFirst() }
        if random.chance(35) { value += random.pick(endings) }
        if random.chance(20) { value = random.pick(["\"", "“", "'"]) + value + random.pick(["\"", "”", "'"]) }
        if random.chance(25) { value = random.pick(spaces) + value + random.pick(spaces) }
        if random.chance(15) { value = value.replacingOccurrences(of: " ", with: random.pick(spaces)) }
        if random.chance(15) { value = random.pick(openings) + value }
        if random.chance(3) { value = random.pick(["looking forward to", "I had been looking forward to", "role"]) }
        return value
    }

    struct Case: Encodable {
        var note: String
        var values: [String: String]
        var answers: [String: String]
        var off: [String]
        var text: String
        var subject: String
        var statuses: [String: String]
        var words: Int
    }

    /// The cases: `sets` value sets; for each template, `combinations` random choices of elements off and answers.
    static func cases(sets: Int, combinations: Int, notes: GuideNotes) -> [(case: Case, note: NoteComposer.Note)] {
        var random = Generator(state: 20_261_201)
        var result: [(Case, NoteComposer.Note)] = []
        let composer = notes.feature.composer
        for _ in 0..<sets {
            var values: [String: String] = [:]
            for field in notes.feature.fields { values[field.id] = value(for: field, &random) }
            for entry in notes.index.notes {
                let template = entry.page.template
                for _ in 0..<combinations {
                    let off = template.elementIDs.filter { _ in random.chance(30) }
                    var answers: [String: String] = [:]
                    for id in template.questionIDs {
                        answers[id] = random.pick(notes.feature.questions.first { $0.id == id }!.answers).id
                    }
                    let note = composer.compose(template, values: values, answers: answers, off: Set(off))
                    result.append(
                        (
                            Case(
                                note: NoteData.id(of: entry.route), values: values, answers: answers, off: off,
                                text: note.text, subject: note.subject,
                                statuses: note.statuses.mapValues(\.rawValue), words: note.text.wordCount),
                            note
                        ))
                }
            }
        }
        return result
    }

    @Test func everyGeneratedNoteKeepsEveryRule() throws {
        let notes = try GuideNotes()
        var failures: [String] = []
        for (testCase, note) in Self.cases(sets: 300, combinations: 6, notes: notes) {
            for problem in NoteInvariants.problems(in: note, leaning: notes.feature.checks.leaning) {
                failures.append("\(testCase.note) with \(testCase.values) off \(testCase.off): \(problem)")
            }
        }
        #expect(failures.count == 0, "first: \(failures.prefix(3).joined(separator: "\n"))")
    }

    @Test func theBuilderComposesWhatSwiftComposes() throws {
        let notes = try GuideNotes()
        let cases = Self.cases(sets: 300, combinations: 6, notes: notes).map(\.case)
        struct File: Encodable {
            var data: String
            var cases: [Case]
        }
        // The data goes in as the page embeds it, so the JavaScript reads exactly what the builder reads.
        var json = try JSONEncoder().encode(File(data: "", cases: cases))
        let marker = Data("\"data\":\"\"".utf8)
        let range = try #require(json.range(of: marker))
        json.replaceSubrange(range, with: Data("\"data\":".utf8) + Data(notes.index.dataJSON.utf8))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-parity-\(UUID()).json")
        try json.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        // The browser suite composes the same cases in Chromium (Tests/browser/test_parity.py).
        if let copy = ProcessInfo.processInfo.environment["SITEGEN_PARITY_CASES"] {
            try json.write(to: URL(fileURLWithPath: copy))
        }
        let script = SiteTests.repository.appendingPathComponent("Tests/js/parity.js").path
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["node", script, file.path])
        #expect(result.status == 0, "\(result.output)")
        struct Report: Decodable {
            var cases: Int
        }
        let report = try JSONDecoder().decode(Report.self, from: Data(result.output.utf8))
        #expect(report.cases == cases.count)
        #expect(result.output.hasSuffix("\"mismatches\":[]}"), "\(result.output.prefix(3000))")
    }
}
