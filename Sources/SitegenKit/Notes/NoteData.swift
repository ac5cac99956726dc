import Foundation

/// The elements, fields, questions, checks and note templates as JSON, embedded in standalone pages so the note
/// builder in the browser composes exactly the templates sitegen composes, already tokenized.
struct NoteData: Encodable {
    struct ElementEntry: Encodable {
        var id: String
        var number: Int
        var title: String
        var why: String
        var example: String
    }

    struct FieldEntry: Encodable {
        var id: String
        var label: String
        var hint: String
        var example: String
        var scope: String
        var shape: String
        var after: String?
    }

    struct AnswerEntry: Encodable {
        var id: String
        var label: String
    }

    struct QuestionEntry: Encodable {
        var id: String
        var label: String
        var hint: String
        var scope: String
        var answers: [AnswerEntry]
    }

    struct PatternEntry: Encodable {
        var phrase: String
        var why: String
        var atStart: Bool
    }

    struct Checks: Encodable {
        var aim: Int
        var most: Int
        var why: String
        var stock: [PatternEntry]
        var negative: [PatternEntry]
        var leaning: [PatternEntry]
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

    var elements: [ElementEntry]
    var fields: [FieldEntry]
    var questions: [QuestionEntry]
    var checks: Checks
    var notes: [Note]

    init(feature: NoteFeature, notes: [NoteIndex.Entry]) {
        elements = feature.elements.map {
            ElementEntry(id: $0.id, number: $0.number, title: $0.title, why: $0.why, example: $0.example)
        }
        fields = feature.fields.map {
            FieldEntry(
                id: $0.id, label: $0.label, hint: $0.hint, example: $0.example, scope: $0.scope.rawValue,
                shape: $0.shape.rawValue, after: $0.after)
        }
        questions = feature.questions.map {
            QuestionEntry(
                id: $0.id, label: $0.label, hint: $0.hint, scope: $0.scope.rawValue,
                answers: $0.answers.map { AnswerEntry(id: $0.id, label: $0.label) })
        }
        let patterns = { (list: [NoteChecks.Pattern]) in
            list.map { PatternEntry(phrase: $0.phrase, why: $0.why, atStart: $0.atStart) }
        }
        checks = Checks(
            aim: feature.checks.length.aim, most: feature.checks.length.most, why: feature.checks.length.why,
            stock: patterns(feature.checks.stock), negative: patterns(feature.checks.negative),
            leaning: patterns(feature.checks.leaning))
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
