import Testing

@testable import SitegenKit

/// The template context answers lookups by name without reflection; these tests hold those answers to the
/// stored properties that reflection sees, so a new property cannot be forgotten.
@Suite struct ContextLookupTests {
    /// Every (type, property) pair whose direct lookup disagrees with reflection, searched through `value`.
    func mismatches(in value: Any) -> [String] {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional || mirror.displayStyle == .collection {
            return mirror.children.flatMap { mismatches(in: $0.value) }
        }
        guard mirror.displayStyle == .struct || mirror.displayStyle == .class else { return [] }
        guard let object = value as? any TemplateObject else { return ["\(type(of: value)) has no direct lookup"] }
        var problems: [String] = []
        for child in mirror.children where type(of: child.value) != [any TemplateObject].self {
            guard let label = child.label else { continue }
            let reflected = Mirror(reflecting: child.value)
            let isNil = reflected.displayStyle == .optional && reflected.children.isEmpty
            let isMissing = if case .missing = object.value(named: label) { true } else { false }
            if isMissing != isNil {
                problems.append("\(type(of: value)).\(label)")
            }
            problems += mismatches(in: child.value)
        }
        return problems
    }

    @Test func everyStoredPropertyIsAnsweredByName() {
        #expect(mismatches(in: PageContext.example) == [])
        #expect(mismatches(in: NoteValues.example) == [])
        #expect(mismatches(in: EmbedContext(root: "", features: [])) == [])
    }

    @Test func absentOptionalsAreFalsyInTemplates() throws {
        let context = PageContext.example
        var notes = NoteValues.example
        notes.note = nil
        context.features = [notes]
        context.page.previous = nil
        let template = try Template(parsing: "{{#note}}note{{/note}}{{^page.previous}}none{{/page.previous}}")
        #expect(TemplateLibrary(["t": template]).render("t", with: context) == Array("none".utf8))
    }
}
