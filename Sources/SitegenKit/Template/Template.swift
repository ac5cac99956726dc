/// A Mustache template, parsed once into a tree: the load-time checks read the tree, and `TemplateProgram`
/// flattens it for rendering.
///
/// sitegen renders templates itself instead of through a general Mustache library: looking names up by
/// reflection and dynamic casts cost more per page than rendering the page's Markdown. The language is
/// Mustache's: variables (`{{name}}`, `{{{name}}}`, `{{&name}}`), sections (`{{#name}}`, `{{^name}}`),
/// comments, partials (`{{>name}}`), inheritance (`{{<parent}}`, `{{$block}}`) and delimiter changes
/// (`{{=[[ ]]=}}`), plus one function, `count(list)`. Lambdas and pragmas are refused when parsed.
struct Template: Sendable {
    /// A name as written in a tag.
    struct Name: Sendable {
        /// The dotted parts: `page.title` is `["page", "title"]`; `.` (the current value) is empty.
        var path: [String]
        /// Whether the tag asks for the number of items, `count(list)`.
        var isCount: Bool
        /// The tag as written between its delimiters, for messages.
        var text: String
        /// UTF-8 offset of the tag's opening delimiter in the template text.
        var offset: Int
    }

    /// A partial or parent named by a tag.
    struct Reference: Sendable {
        /// The template's name, such as `partials/nav`.
        var name: String
        /// UTF-8 offset of the tag's opening delimiter in the template text.
        var offset: Int
    }

    /// One piece of a template.
    indirect enum Node: Sendable {
        /// Text copied to the output as is.
        case text([UInt8])
        /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (not escaped).
        case variable(Name, escaped: Bool)
        /// `{{#name}}...{{/name}}`, or `{{^name}}...{{/name}}` when inverted.
        case section(Name, inverted: Bool, [Node])
        /// `{{>name}}`; `indentation` is the whitespace before a tag that stood alone on its line.
        case partial(Reference, indentation: [UInt8])
        /// `{{<name}}...{{/name}}`: the parent template rendered with these block overrides.
        case parent(Reference, indentation: [UInt8], blocks: [String: [Node]])
        /// `{{$name}}default{{/name}}`: a place a child template can fill. `indentation` starts each line an
        /// override adds: the default content's own when the tag stood alone (the override was dedented where it
        /// was written), else the whitespace before the tag on its line.
        case block(String, indentation: [UInt8], [Node])
    }

    /// The top-level pieces.
    var nodes: [Node]
}
