/// One of the elements a good note contains, defined once in `content/elements.yaml`.
struct Element: Sendable, Equatable, Encodable {
    /// Stable identifier that note parts refer to.
    var id: String
    /// 1-based position in the checklist.
    var number: Int
    /// Short imperative title.
    var title: String
    /// One line on why the element matters.
    var why: String
    /// An example sentence.
    var example: String

    /// The file name, inside `content/`, that holds the elements.
    static let fileName = "elements.yaml"

    /// Decodes the `elements:` list.
    static func decodeList(_ file: SourceFile) throws(SitegenError) -> [Element] {
        var elements: [Element] = []
        for (index, item) in try YAMLValue.list(named: "elements", in: file).enumerated() {
            let fields = try item.mapping(allowedKeys: ["id", "title", "why", "example"], what: "an element")
            func text(_ key: String) throws(SitegenError) -> String {
                guard let value = fields[key] else { throw SitegenError(item.error("this element has no `\(key)`")) }
                return try value.nonEmptyString(what: "`\(key)`")
            }
            let id = try text("id")
            if elements.contains(where: { $0.id == id }) {
                throw SitegenError(
                    fields["id"]!.error("element id `\(id)` is used twice", hint: "give each element its own id"))
            }
            elements.append(
                Element(
                    id: id, number: index + 1, title: try text("title"), why: try text("why"),
                    example: try text("example")))
        }
        return elements
    }
}
