extension NoteView {
    /// The view of `template` filled with `values`, each part labelled with the element it covers.
    init(_ template: NoteTemplate, values: [String: String], elements: [Element]) {
        var paragraphs: [Paragraph] = []
        for part in template.parts {
            let element = part.element.flatMap { id in elements.first { $0.id == id } }.map(ElementView.init)
            let view = Part(
                text: NoteTemplate.fill(part.segments, values: values), element: element,
                startsLine: part.join == .line, startsWithSpace: part.join == .space)
            if part.join == .paragraph || paragraphs.isEmpty {
                paragraphs.append(Paragraph(parts: [view]))
            } else {
                paragraphs[paragraphs.count - 1].parts.append(view)
            }
        }
        let covered = Set(template.elementIDs)
        let text = template.text(values: values)
        self.init(
            recipient: template.recipient,
            subject: template.subjectText(values: values),
            paragraphs: paragraphs,
            text: text,
            wordCount: text.wordCount,
            coverage: elements.map { Coverage(element: ElementView($0), isCovered: covered.contains($0.id)) },
            coveredCount: covered.count
        )
    }
}
