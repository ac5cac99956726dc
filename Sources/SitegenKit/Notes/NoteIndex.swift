/// What pages need from the note feature, worked out once per build: the list of sample notes, the data the builder
/// embeds, and the warnings about samples.
struct NoteIndex: FeatureIndex {
    /// A sample-note page.
    struct Entry: Sendable {
        var title: String
        var description: String
        var route: Route
        var page: NotePage
    }

    let feature: NoteFeature
    let notes: [Entry]
    /// The builder's data, encoded once.
    let dataJSON: String
    let warnings: [Diagnostic]
    let embeds = ["elements", "notes"]

    init(feature: NoteFeature, notes: [Entry]) {
        self.feature = feature
        self.notes = notes
        dataJSON = NoteData(feature: feature, notes: notes).json()
        warnings = notes.flatMap { Self.warnings(for: $0, feature: feature) }
    }

    /// A sample that a reader would be told to fix (too long, a stock or negative phrase) teaches the wrong thing.
    private static func warnings(for entry: Entry, feature: NoteFeature) -> [Diagnostic] {
        let note = feature.composer.compose(entry.page.template, values: entry.page.sample, answers: entry.page.answers)
        let location = SourceLocation(file: "content/\(entry.route.source)", line: 1, column: 1)
        var warnings: [Diagnostic] = []
        let words = note.text.wordCount
        if words > feature.checks.length.aim {
            warnings.append(
                Diagnostic(
                    location,
                    "this sample note has \(words) words, more than the \(feature.checks.length.aim) notes aim for",
                    hint: "shorten its parts or its sample values", severity: .warning))
        }
        for pattern in feature.checks.stock + feature.checks.negative where pattern.matches(note.text) {
            warnings.append(
                Diagnostic(
                    location, "this sample note says “\(pattern.phrase)”, which the builder warns readers about",
                    hint: pattern.why, severity: .warning))
        }
        return warnings
    }

    func values(for data: (any FeaturePageData)?, at output: String, standalone: Bool) -> any TemplateObject {
        return NoteValues(
            elements: feature.elements,
            notes: notes.map {
                NoteSummary(
                    title: $0.title, description: $0.description, recipient: $0.page.template.recipient,
                    href: RelativePath.href(from: output, to: $0.route.output),
                    elementCount: $0.page.template.elementIDs.count)
            },
            note: (data as? NotePage).map { NoteView($0, sample: true, feature: feature) },
            noteData: standalone ? dataJSON : nil,
            blankNotes: standalone
                ? notes.map {
                    BlankNote(
                        id: NoteData.id(of: $0.route), title: $0.title,
                        note: NoteView($0.page, sample: false, feature: feature))
                }
                : [])
    }
}
