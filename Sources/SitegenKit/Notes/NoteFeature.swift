/// The guide's sample notes and note builder, as a feature of the engine: the elements, fields, questions and checks
/// in `content/`, and the `note` and `sample` front matter of sample-note pages.
struct NoteFeature: SiteFeature {
    var elements: [Element]
    var fields: [Field]
    var questions: [Question]
    var checks: NoteChecks

    static let frontMatterKeys = ["note", "sample"]
    static let dataFiles = [Element.fileName, Field.fileName, Question.fileName, NoteChecks.fileName]
    static let templateNames = Set(NoteValues.fieldTypes.flatMap { $0.templateNames })

    var vocabulary: NoteTemplate.Vocabulary {
        .init(elements: elements, fields: fields, questions: questions, leaning: checks.leaning)
    }

    var composer: NoteComposer { NoteComposer(fields: fields, questions: questions) }

    /// Every file is optional: a site without notes needs none of them.
    static func load(from folder: ContentFolder) throws(SitegenError) -> NoteFeature {
        func read<T>(_ name: String, _ decode: (SourceFile) throws(SitegenError) -> T, or empty: T) throws(SitegenError)
            -> T
        {
            guard Disk.kind(of: folder.filePath(of: name)) != .missing else { return empty }
            return try decode(
                try SourceFile.read(atPath: folder.filePath(of: name), displayPath: folder.displayPath(of: name)))
        }
        return NoteFeature(
            elements: try read(Element.fileName, Element.decodeList, or: []),
            fields: try read(Field.fileName, Field.decodeList, or: []),
            questions: try read(Question.fileName, Question.decodeList, or: []),
            checks: try read(NoteChecks.fileName, NoteChecks.decode, or: .none))
    }

    /// Decodes a sample note's `note` and `sample`. The note's every combination is checked against
    /// `NoteInvariants` (`firstProblem`, the costliest step of loading the guide), whose outcome depends only on
    /// the page's front matter, the data files and sitegen itself: a page `checkedBefore` passed it in an earlier
    /// good build with the same inputs, so it is not checked again.
    func decodePage(
        _ keys: [String: YAMLValue], in file: SourceFile, checkedBefore: Bool
    ) throws(SitegenError) -> (any FeaturePageData)? {
        guard let noteValue = keys["note"] else {
            throw SitegenError(keys["sample"]!.error("`sample` is only used with `note`"))
        }
        let template = try NoteTemplate.decode(noteValue, vocabulary: vocabulary)
        var sample: [String: String] = [:]
        var answers: [String: String] = [:]
        if let value = keys["sample"] {
            let known = fields.map(\.id) + questions.map(\.id)
            for (id, entry) in try value.mapping(allowedKeys: known, what: "`sample`") {
                let text = try entry.nonEmptyString(what: "sample value `\(id)`")
                if let question = questions.first(where: { $0.id == id }) {
                    guard question.answers.contains(where: { $0.id == text }) else {
                        throw SitegenError(
                            entry.error(
                                "`\(text)` is not an answer to `\(id)`",
                                hint: NoteTemplate.hint(
                                    for: text, among: question.answers.map(\.id), file: Question.fileName)))
                    }
                    answers[id] = text
                } else {
                    sample[id] = text
                }
            }
        }
        let missing = template.fieldIDs.filter { sample[$0] == nil }
        if !missing.isEmpty {
            throw SitegenError(
                (keys["sample"] ?? noteValue).error(
                    "`sample` has no value for \(missing.map { "`\($0)`" }.joined(separator: ", "))",
                    hint: "every field the note uses, in any variant, needs a sample value"))
        }
        let page = NotePage(template: template, sample: sample, answers: answers)
        if !checkedBefore, let problem = firstProblem(in: page) {
            throw SitegenError(noteValue.error(problem, hint: "reword the parts named"))
        }
        return page
    }

    /// The first way the page's template breaks a rule of `NoteInvariants`, tried with its sample values and with
    /// every value blank, for every combination of elements switched off and answers given.
    func firstProblem(in page: NotePage) -> String? {
        let template = page.template
        let elements = template.elementIDs
        let askedQuestions = template.questionIDs.compactMap { id in questions.first { $0.id == id } }
        var combinations: [[String: String]] = [[:]]
        for question in askedQuestions {
            combinations = combinations.flatMap { partial in
                question.answers.map { partial.merging([question.id: $0.id]) { $1 } }
            }
        }
        let composer = self.composer
        // Tidied once: the same values go into every combination.
        let valueSets = [page.sample, [:]].map { ($0, composer.tidied($0)) }
        // Every combination of elements off, up to 12 elements (4,096); beyond, all on, each one off, and all off.
        let masks: [UInt64] =
            elements.count <= 12
            ? Array(0..<(UInt64(1) << elements.count))
            : [0, UInt64.max] + elements.indices.map { UInt64(1) << $0 }
        for mask in masks {
            let off = Set(
                elements.indices.filter { mask == .max || ($0 < 64 && mask & (UInt64(1) << $0) != 0) }.map {
                    elements[$0]
                })
            for answers in combinations {
                for (values, tidiedValues) in valueSets {
                    let note = composer.compose(template, tidied: tidiedValues, answers: answers, off: off)
                    guard let problem = NoteInvariants.problems(in: note, leaning: checks.leaning).first else {
                        continue
                    }
                    let situation =
                        (off.isEmpty ? [] : ["with \(off.sorted().joined(separator: ", ")) switched off"])
                        + answers.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }
                        + (values.isEmpty ? ["every value blank"] : [])
                    return "this note breaks a rule"
                        + (situation.isEmpty ? "" : " (\(situation.joined(separator: ", ")))") + ": \(problem)"
                }
            }
        }
        return nil
    }

    func index(_ pages: [FeaturePage]) throws(SitegenError) -> any FeatureIndex {
        NoteIndex(
            feature: self,
            notes: pages.compactMap { page in
                (page.data as? NotePage).map {
                    NoteIndex.Entry(
                        title: page.title, description: page.description ?? "", route: page.route, page: $0)
                }
            })
    }
}

/// What a sample-note page's front matter says: its template, and the sample values and answers it shows.
struct NotePage: FeaturePageData, Equatable {
    var template: NoteTemplate
    /// Sample values by field id.
    var sample: [String: String]
    /// Sample answers by question id; questions not named take their first answer.
    var answers: [String: String]
}
