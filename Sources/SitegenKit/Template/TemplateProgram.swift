/// A template made ready to render: its tree flattened into one list of steps, with partials, parents and blocks
/// already put in place.
///
/// Which partial a tag names, which block override wins and how far each line is indented depend only on the
/// templates, never on the values rendered, so all of that is settled once when the theme loads. The steps hold
/// plain numbers (offsets into one text buffer and one name table), so walking them copies nothing that is
/// reference counted: a tree of enums, arrays and dictionaries walked for every page of a large site cost more
/// in reference counting than in writing the output. A partial is copied in wherever it is used, so a program
/// is as long as all the template text it gathers.
struct TemplateProgram: Sendable {
    /// One step.
    enum Step: Sendable {
        /// Template text: `text[start..<end]`, indented by `indents[indent]`.
        case text(start: Int, end: Int, indent: Int)
        /// `{{name}}` or `{{{name}}}`: `names[name]`, indented by `indents[indent]` when it starts a line.
        case variable(name: Int, escaped: Bool, indent: Int)
        /// `{{#name}}` or `{{^name}}`: its contents are the steps after it, up to `end`.
        case section(name: Int, inverted: Bool, end: Int)
    }

    /// A name split for lookup: the first part is looked up through the context stack, the rest from there.
    struct Lookup: Sendable {
        /// The first part; nil for `.`, the current value.
        var first: TemplateName?
        /// The parts after the first.
        var rest: [TemplateName]
        /// Whether the tag asks for the number of items, `count(list)`.
        var isCount: Bool
    }

    private(set) var steps: [Step] = []
    /// All template text, in step order.
    private(set) var text: [UInt8] = []
    /// The names the steps look up.
    private(set) var names: [Lookup] = []
    /// The indentations in use; the first is none.
    private(set) var indents: [[UInt8]] = [[]]
    /// Steps before this index belong to a section that has ended, so no text may be added to them.
    private var sealed = 0

    /// Flattens template `name` of `templates`. A partial or parent that is missing, or that would include itself
    /// again, renders nothing; the theme refuses such templates when it loads, with a message.
    init(_ name: String, in templates: [String: Template]) {
        guard let template = templates[name] else { return }
        var expanding = [name]
        append(template.nodes, blocks: [:], indent: 0, templates: templates, expanding: &expanding)
    }

    private mutating func append(
        _ nodes: [Template.Node], blocks: [String: [Template.Node]], indent: Int, templates: [String: Template],
        expanding: inout [String]
    ) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                // Text right after text at the same indentation is one step, unless a section ended in between.
                if steps.count > sealed, case .text(let start, let end, indent) = steps.last, end == text.count {
                    text += bytes
                    steps[steps.count - 1] = .text(start: start, end: text.count, indent: indent)
                } else {
                    text += bytes
                    steps.append(.text(start: text.count - bytes.count, end: text.count, indent: indent))
                }
            case .variable(let name, let escaped):
                steps.append(.variable(name: lookup(name), escaped: escaped, indent: indent))
            case .section(let name, let inverted, let children):
                let name = lookup(name)
                let at = steps.count
                steps.append(.section(name: name, inverted: inverted, end: at))
                append(children, blocks: blocks, indent: indent, templates: templates, expanding: &expanding)
                steps[at] = .section(name: name, inverted: inverted, end: steps.count)
                sealed = steps.count
            case .partial(let reference, let indentation):
                guard let template = templates[reference.name], !expanding.contains(reference.name) else { continue }
                expanding.append(reference.name)
                // A partial sees the caller's values but not its block overrides.
                append(
                    template.nodes, blocks: [:], indent: indented(indent, by: indentation), templates: templates,
                    expanding: &expanding)
                expanding.removeLast()
            case .parent(let reference, let indentation, let overrides):
                guard let template = templates[reference.name], !expanding.contains(reference.name) else { continue }
                expanding.append(reference.name)
                // The most derived template's override of a block wins.
                append(
                    template.nodes, blocks: overrides.merging(blocks) { _, outer in outer },
                    indent: indented(indent, by: indentation), templates: templates, expanding: &expanding)
                expanding.removeLast()
            case .block(let name, let indentation, let fallback):
                // An override takes the block's indentation; the default already has its own.
                if let override = blocks[name] {
                    append(
                        override, blocks: blocks, indent: indented(indent, by: indentation), templates: templates,
                        expanding: &expanding)
                } else {
                    append(fallback, blocks: blocks, indent: indent, templates: templates, expanding: &expanding)
                }
            }
        }
    }

    private mutating func lookup(_ name: Template.Name) -> Int {
        names.append(
            Lookup(
                first: name.path.first.map { TemplateName($0) }, rest: name.path.dropFirst().map { TemplateName($0) },
                isCount: name.isCount))
        return names.count - 1
    }

    /// The index of indentation `indent` followed by `extra`, added to `indents` when new.
    private mutating func indented(_ indent: Int, by extra: [UInt8]) -> Int {
        guard !extra.isEmpty else { return indent }
        let combined = indents[indent] + extra
        if let index = indents.firstIndex(of: combined) { return index }
        indents.append(combined)
        return indents.count - 1
    }
}
