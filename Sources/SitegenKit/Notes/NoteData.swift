import Foundation

/// The elements, fields and note templates as JSON, embedded in standalone pages so the note builder in the
/// browser fills exactly the templates sitegen fills, already tokenized.
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
    }

    /// A segment is `{"text": "..."}` or `{"field": "id"}`.
    struct Segment: Encodable {
        var text: String?
        var field: String?
    }

    struct Part: Encodable {
        var element: String?
        var join: String
        var segments: [Segment]
    }

    struct Note: Encodable {
        var id: String
        var title: String
        var recipient: String
        var subject: [Segment]
        var parts: [Part]
        var sample: [String: String]
    }

    var elements: [ElementEntry]
    var fields: [FieldEntry]
    var notes: [Note]

    init(
        elements: [Element], fields: [Field],
        notes: [(route: Route, title: String, template: NoteTemplate, sample: [String: String])]
    ) {
        self.elements = elements.map {
            ElementEntry(id: $0.id, number: $0.number, title: $0.title, why: $0.why, example: $0.example)
        }
        self.fields = fields.map {
            FieldEntry(id: $0.id, label: $0.label, hint: $0.hint, example: $0.example, scope: $0.scope.rawValue)
        }
        self.notes = notes.map { note in
            Note(
                id: Self.id(of: note.route),
                title: note.title,
                recipient: note.template.recipient,
                subject: note.template.subject.map(Self.segment),
                parts: note.template.parts.map {
                    Part(element: $0.element, join: $0.join.rawValue, segments: $0.segments.map(Self.segment))
                },
                sample: note.sample)
        }
    }

    /// The id a note has in the data: its source path without `.md` (`notes/recruiter`).
    static func id(of route: Route) -> String {
        String(route.source.dropLast(".md".count))
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
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }
}
