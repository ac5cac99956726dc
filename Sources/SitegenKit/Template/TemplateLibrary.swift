/// A theme's templates by name (`page`, `partials/nav`), so partials and parents can find each other.
struct TemplateLibrary: Sendable {
    /// The templates, by name.
    let templates: [String: Template]
    /// Each template flattened for rendering, by name.
    private let programs: [String: TemplateProgram]

    init(_ templates: [String: Template]) {
        self.templates = templates
        programs = Dictionary(uniqueKeysWithValues: templates.keys.map { ($0, TemplateProgram($0, in: templates)) })
    }

    /// Renders template `name` with `root` as the context, as UTF-8; nil when there is no such template.
    func render(_ name: String, with root: any TemplateObject) -> [UInt8]? {
        guard let program = programs[name] else { return nil }
        var renderer = TemplateRenderer(program: program, root: root)
        renderer.render()
        return renderer.output
    }

    /// A chain of partials or parents that leads back to where it started (`a` → `b` → `a`), which would
    /// render forever: the names in order, and the tag in the last template that closes the loop.
    func cycle() -> (names: [String], closing: Template.Reference)? {
        var finished: Set<String> = []
        func visit(_ name: String, path: [String]) -> (names: [String], closing: Template.Reference)? {
            guard !finished.contains(name), let template = templates[name] else { return nil }
            for reference in template.references {
                if let start = path.firstIndex(of: reference.name) {
                    return (Array(path[start...]) + [reference.name], reference)
                }
                if let found = visit(reference.name, path: path + [reference.name]) { return found }
            }
            finished.insert(name)
            return nil
        }
        for name in templates.keys.sorted() {
            if let found = visit(name, path: [name]) { return found }
        }
        return nil
    }
}
