/// Composes a note from its template: picks each part's wording by the answers, leaves out the parts whose element
/// is switched off (passing their join on), uses a part's `alone` wording when the part before it is not said (left
/// out, or worded with `covers: false`), and fills placeholders with values tidied by their field's shape. Pure, and
/// mirrored step for step by `builder.compose.js` (held to it by `NotePropertyTests`), so a note reads the same on a
/// sample page and in the builder.
struct NoteComposer: Sendable {
    /// A run of a composed part: template text, a reader's value, or a blank standing for a missing value.
    struct Run: Sendable, Equatable {
        /// What the run says.
        var text: String
        /// The field it fills, for values and blanks.
        var field: String?
        /// Whether it stands for a value not given.
        var isBlank: Bool
    }

    /// A part that is in the note.
    struct Part: Sendable, Equatable {
        /// Its position among the template's parts.
        var index: Int
        /// The element it covers.
        var element: String?
        /// How it joins the text before it; nil for the first part.
        var join: NoteTemplate.Join?
        /// Its text.
        var runs: [Run]
        /// Whether its wording covers its element.
        var covers: Bool

        /// Its text as one string.
        var text: String { runs.map(\.text).joined() }
    }

    /// How an element fares in one note.
    enum Status: String, Sendable {
        /// In the note, every detail given.
        case covered
        /// In the note, with a detail still blank.
        case blank
        /// Switched off by the reader.
        case off
        /// In the note, in a wording that leaves the element out because it does not fit the reader's situation.
        case unneeded
        /// Not in this template.
        case absent
    }

    /// A composed note.
    struct Note: Sendable, Equatable {
        /// The parts in the note, in order.
        var parts: [Part]
        /// The subject line.
        var subject: String
        /// The subject line's runs.
        var subjectRuns: [Run]
        /// The parts joined by their separators.
        var text: String
        /// Each element id's status.
        var statuses: [String: Status]
        /// Positions of the template parts left out.
        var leftOut: Set<Int>
        /// Positions of the parts whose element the note does not say: left out, or worded without it
        /// (`covers: false`). The part after one of these uses its `alone` wording.
        var unsaid: Set<Int>
    }

    let fields: [String: Field]
    let defaults: [String: String]

    init(fields: [Field], questions: [Question]) {
        self.fields = Dictionary(uniqueKeysWithValues: fields.map { ($0.id, $0) })
        defaults = Dictionary(uniqueKeysWithValues: questions.map { ($0.id, $0.defaultAnswer) })
    }

    /// `template` composed with the reader's `values` (as typed), `answers` by question id, and the element ids the
    /// reader switched `off`. A value that is missing or empty once tidied is shown by `missing`.
    func compose(
        _ template: NoteTemplate, values: [String: String], answers: [String: String] = [:], off: Set<String> = [],
        missing: (Field) -> String = { "[\($0.label)]" }
    ) -> Note {
        compose(template, tidied: tidied(values), answers: answers, off: off, missing: missing)
    }

    /// The reader's values as a note shows them: each tidied by its field's shape (an unknown field's left out),
    /// by the composer that composes them (`tidied`).
    struct TidiedValues: Sendable {
        fileprivate var values: [String: String]
    }

    /// `values` tidied once, for composing them into many notes (`NoteFeature.firstProblem` composes every
    /// combination of a sample's).
    func tidied(_ values: [String: String]) -> TidiedValues {
        var tidied: [String: String] = [:]
        for (id, value) in values {
            guard let field = fields[id] else { continue }
            tidied[id] = field.shape.normalize(value, after: field.after)
        }
        return TidiedValues(values: tidied)
    }

    /// `compose` with values already tidied.
    func compose(
        _ template: NoteTemplate, tidied values: TidiedValues, answers: [String: String] = [:],
        off: Set<String> = [], missing: (Field) -> String = { "[\($0.label)]" }
    ) -> Note {
        var parts: [Part] = []
        var leftOut: Set<Int> = []
        var unsaid: Set<Int> = []
        var carried: NoteTemplate.Join?
        for (index, part) in template.parts.enumerated() {
            if let element = part.element, off.contains(element) {
                leftOut.insert(index)
                unsaid.insert(index)
                carried = carried?.stronger(part.join) ?? part.join
                continue
            }
            let wording = part.wording(answers: answers, defaults: defaults)
            let segments = index > 0 && unsaid.contains(index - 1) ? wording.alone ?? wording.text : wording.text
            if part.element != nil, !wording.covers { unsaid.insert(index) }
            let join = parts.isEmpty ? nil : carried?.stronger(part.join) ?? part.join
            parts.append(
                Part(
                    index: index, element: part.element, join: join, runs: fill(segments, values, missing),
                    covers: wording.covers))
            carried = nil
        }
        var text = ""
        for part in parts {
            text += part.join?.separator ?? ""
            text += part.text
        }
        var statuses: [String: Status] = [:]
        for (index, part) in template.parts.enumerated() {
            guard let element = part.element else { continue }
            if leftOut.contains(index) {
                if statuses[element] == nil { statuses[element] = .off }
                continue
            }
            let composed = parts.first { $0.index == index }!
            if !composed.covers {
                if statuses[element] == nil || statuses[element] == .off { statuses[element] = .unneeded }
                continue
            }
            let blank = composed.runs.contains(where: \.isBlank)
            statuses[element] = blank || statuses[element] == .blank ? .blank : .covered
        }
        let subject = fill(template.subject, values, missing)
        return Note(
            parts: parts, subject: subject.map(\.text).joined(), subjectRuns: subject, text: text, statuses: statuses,
            leftOut: leftOut, unsaid: unsaid)
    }

    /// Fills `segments`: each placeholder gets its field's tidied value, or a blank. A value ending in `.`, `!`, `?`
    /// or `…` takes the place of a full stop the template puts right after it ("… at Acme Inc.").
    func fill(_ segments: [NoteTemplate.Segment], _ values: TidiedValues, _ missing: (Field) -> String) -> [Run] {
        var runs: [Run] = []
        for segment in segments {
            switch segment {
            case .text(var text):
                if let last = runs.last, last.field != nil, !last.isBlank, text.unicodeScalars.first == ".",
                    let end = last.text.unicodeScalars.last, FieldShape.closingMarks.contains(end)
                {
                    text.unicodeScalars.removeFirst()
                }
                if !text.isEmpty { runs.append(Run(text: text, field: nil, isBlank: false)) }
            case .field(let id):
                guard let field = fields[id] else { continue }
                let value = values.values[id] ?? ""
                runs.append(
                    value.isEmpty
                        ? Run(text: missing(field), field: id, isBlank: true)
                        : Run(text: value, field: id, isBlank: false))
            }
        }
        return runs
    }
}
