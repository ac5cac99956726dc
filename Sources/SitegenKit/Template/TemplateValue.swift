/// What a name in a template (`{{page.title}}`, `{{#nav}}`) stands for. Context types answer names with these
/// directly, so rendering never needs reflection or dynamic casts.
enum TemplateValue {
    /// Text: escaped by `{{name}}`, inserted as is by `{{{name}}}`; a section when not empty.
    case text(String)
    /// Text already in UTF-8 bytes, such as a rendered page body, treated exactly like `text`: large text made as
    /// bytes goes to the output without becoming a `String` in between.
    case bytes([UInt8])
    /// A whole number, written in decimal; a section when not zero.
    case number(Int)
    /// A section when true; renders as `true` or `false`.
    case flag(Bool)
    /// Named values; a section pushes it so the names inside resolve against it first.
    case object(any TemplateObject)
    /// A section renders once per item; an inverted section renders when it is empty.
    case list(any TemplateList)
    /// A name that is there with no value, such as an absent optional: renders nothing and is false. Unlike
    /// `missing`, it ends the lookup, so a value of the same name further out is not used in its place.
    case null
    /// No such name: renders nothing and is false; the lookup goes on to the next object out.
    case missing

    /// Text, or `null` when absent.
    init(_ text: String?) {
        self = text.map { .text($0) } ?? .null
    }

    /// An object, or `null` when absent.
    init(_ object: (any TemplateObject)?) {
        self = object.map { .object($0) } ?? .null
    }
}

/// A value with named parts, such as a page context or an element.
protocol TemplateObject {
    /// The value called `name`, or `.missing` when there is none.
    func value(named name: TemplateName) -> TemplateValue
}

/// An ordered run of values that a section repeats over.
protocol TemplateList {
    /// How many items there are.
    var count: Int { get }
    /// The item at `index`, in `0..<count`.
    func item(at index: Int) -> TemplateValue
}

extension Array: TemplateList where Element: TemplateObject {
    func item(at index: Int) -> TemplateValue { .object(self[index]) }
}
