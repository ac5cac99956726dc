extension NoteTemplate {
    /// Fills a run of segments with `values`; a field without a value becomes `[label]`-style text from `missing`.
    public static func fill(
        _ segments: [Segment], values: [String: String], missing: (String) -> String = { "[\($0)]" }
    )
        -> String
    {
        segments.map { segment in
            switch segment {
            case .text(let text): text
            case .field(let id): values[id] ?? missing(id)
            }
        }.joined()
    }

    /// The finished note as plain text: parts filled and joined by their separators.
    public func text(values: [String: String]) -> String {
        var result = ""
        for (index, part) in parts.enumerated() {
            if index > 0 { result += part.join.separator }
            result += Self.fill(part.segments, values: values)
        }
        return result
    }

    /// The subject line, filled.
    public func subjectText(values: [String: String]) -> String {
        Self.fill(subject, values: values)
    }
}
