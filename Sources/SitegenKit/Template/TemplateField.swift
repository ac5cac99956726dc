/// One value templates can see: the name they use, what it is, and how to read it.
///
/// Each context type lists its values once, in `templateFields`. Looking a name up while rendering, checking the
/// names a theme uses when it loads, and the README's table of template values (which `TemplateFieldTests`
/// holds to these lists) all read that one list.
struct TemplateField<Owner>: Sendable {
    /// The name templates use (`title` in `{{page.title}}`).
    var name: String { templateName.text }
    /// The same, with its lookup key.
    let templateName: TemplateName
    /// What the value is, as the README's theme guide says it.
    let summary: String
    /// Reads the value from its owner.
    let read: @Sendable (Owner) -> TemplateValue

    init(_ name: String, _ summary: String, _ read: @escaping @Sendable (Owner) -> TemplateValue) {
        templateName = TemplateName(name)
        self.summary = summary
        self.read = read
    }
}

/// A context type whose template values are listed in one place.
protocol TemplateFields: TemplateObject {
    /// Where templates meet these values, for the README: `page`, `each item of nav`, ….
    static var templatePlace: String { get }
    /// Every value, in the order the README lists them.
    static var templateFields: [TemplateField<Self>] { get }
}

extension TemplateFields {
    func value(named name: TemplateName) -> TemplateValue {
        fieldValue(named: name) ?? .missing
    }

    /// The value of the listed field `name`, or nil when the list has none.
    func fieldValue(named name: TemplateName) -> TemplateValue? {
        // A handful of short names, told apart by their keys.
        Self.templateFields.first { $0.templateName == name }?.read(self)
    }

    /// The names of `templateFields`.
    static var templateNames: [String] { templateFields.map(\.name) }
}
