import Foundation

/// The elements, fields, questions, checks and note templates as JSON, embedded in standalone pages so the note
/// builder in the browser composes exactly the templates sitegen composes, already tokenized.
struct NoteData: Encodable {
    struct Checks: Encodable {
        var aim: Int
        var most: Int
        var why: String
        var stock: [NoteChecks.Pattern]
        var negative: [NoteChecks.Pattern]
        var leaning: [NoteChecks.Pattern]
    }

    /// A segment is `{"text": "..."}` or `{"field": "id"}`.
    struct Segment: Encodable {
        var text: String?
        var field: String?
    }

    struct Wording: Encodable {
        var text: [Segment]
        var alone: [Segment]?
        /// Present, as false, only for a wording that leaves its element out.
        var covers: Bool?
    }

    struct Part: Encodable {
        var element: String?
        var join: String
        var wording: Wording
        var question: String?
        var variants: [String: Wording]
    }

    struct Note: Encodable {
        var id: String
        var title: String
        var recipient: String
        var subject: [Segment]
        var parts: [Part]
        var sample: [String: String]
        var answers: [String: String]
    }

    var elements: [Element]
    var fields: [Field]
    var questions: [Question]
    var checks: Checks
    var notes: [Note]

    init(feature: NoteFeature, notes: [NoteIndex.Entry]) {
        elements = feature.elements
        fields = feature.fields
        questions = feature.questions
        checks = Checks(
            aim: feature.checks.length.aim, most: feature.checks.length.most, why: feature.checks.length.why,
            stock: feature.checks.stock, negative: feature.checks.negative, leaning: feature.checks.leaning)
        self.notes = notes.map { entry in
            let template = entry.page.template
            return Note(
                id: Self.id(of: entry.route),
                title: entry.title,
                recipient: template.recipient,
                subject: template.subject.map(Self.segment),
                parts: template.parts.map {
                    Part(
                        element: $0.element, join: $0.join.rawValue, wording: Self.wording($0.wording),
                        question: $0.question, variants: $0.variants.mapValues(Self.wording))
                },
                sample: entry.page.sample, answers: entry.page.answers)
        }
    }

    /// The id a note has in the data: its source path without `.md` (`notes/recruiter`).
    static func id(of route: Route) -> String {
        String(route.source.dropLast(".md".count))
    }

    private static func wording(_ wording: NoteTemplate.Wording) -> Wording {
        Wording(
            text: wording.text.map(segment), alone: wording.alone?.map(segment), covers: wording.covers ? nil : false)
    }

    private static func segment(_ segment: NoteTemplate.Segment) -> Segment {
        switch segment {
        case .text(let text): Segment(text: text)
        case .field(let id): Segment(field: id)
        }
    }

    /// Deterministic JSON that is safe inside `<script type="application/json">`: `<` is escaped so no
    /// `</script>` or `<!--` can end or confuse the block.
    func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }
}
