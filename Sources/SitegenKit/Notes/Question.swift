/// A question about the reader's situation whose answer chooses wording in the notes (`content/questions.yaml`):
/// who told them the news, how they met each person.
struct Question: Sendable, Equatable, Encodable {
    /// Whose situation the answer describes: the reader's, once, or each person's.
    enum Scope: String, Sendable, CaseIterable, Encodable {
        /// Asked once for every note.
        case reader
        /// Asked for each person.
        case recipient
    }

    /// One possible answer.
    struct Answer: Sendable, Equatable, Encodable {
        /// The id note parts name in `variants`.
        var id: String
        /// How the form shows it.
        var label: String
    }

    /// The id note parts name in `by`.
    var id: String
    /// The question as the form asks it.
    var label: String
    /// A short sentence helping the reader answer.
    var hint: String
    /// Whose situation it is.
    var scope: Scope
    /// The answers; the first is the one a note uses until the reader picks another.
    var answers: [Answer]

    /// The file name, inside `content/`, that holds the questions.
    static let fileName = "questions.yaml"

    /// The answer a note uses when none is given.
    var defaultAnswer: String { answers[0].id }

    /// Decodes the `questions:` list.
    static func decodeList(_ file: SourceFile) throws(SitegenError) -> [Question] {
        var result: [Question] = []
        for item in try YAMLValue.list(named: "questions", in: file) {
            let values = try item.mapping(allowedKeys: ["id", "label", "hint", "scope", "answers"], what: "a question")
            func text(_ key: String, in values: [String: YAMLValue], of item: YAMLValue) throws(SitegenError) -> String
            {
                guard let value = values[key] else { throw SitegenError(item.error("this has no `\(key)`")) }
                return try value.nonEmptyString(what: "`\(key)`")
            }
            let id = try text("id", in: values, of: item)
            guard Field.isIdentifier(id) else {
                throw SitegenError(values["id"]!.error("question id `\(id)` may hold only letters, digits and `_`"))
            }
            if result.contains(where: { $0.id == id }) {
                throw SitegenError(values["id"]!.error("question id `\(id)` is used twice"))
            }
            guard let answersNode = values["answers"] else {
                throw SitegenError(item.error("this question has no `answers`"))
            }
            var answers: [Answer] = []
            for answerNode in try answersNode.sequence(what: "`answers`") {
                let answer = try answerNode.mapping(allowedKeys: ["id", "label"], what: "an answer")
                let answerID = try text("id", in: answer, of: answerNode)
                guard Field.isIdentifier(answerID) else {
                    throw SitegenError(
                        answer["id"]!.error("answer id `\(answerID)` may hold only letters, digits and `_`"))
                }
                if answers.contains(where: { $0.id == answerID }) {
                    throw SitegenError(answer["id"]!.error("answer `\(answerID)` is listed twice"))
                }
                answers.append(Answer(id: answerID, label: try text("label", in: answer, of: answerNode)))
            }
            guard answers.count >= 2 else {
                throw SitegenError(
                    answersNode.error("a question needs at least two answers", hint: "otherwise it chooses nothing"))
            }
            result.append(
                Question(
                    id: id, label: try text("label", in: values, of: item),
                    hint: try text("hint", in: values, of: item),
                    scope: try Field.choice(values["scope"], default: Scope.reader, what: "`scope`"), answers: answers))
        }
        return result
    }
}
