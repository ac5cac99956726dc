import Testing

@testable import SitegenKit

/// The template context answers lookups by name from its lists of values, without reflection; these tests hold
/// those answers to the stored values that reflection sees, so a property cannot be forgotten or misread.
@Suite struct ContextLookupTests {
    /// Every (type, property) whose value, looked up by name, is not the stored value, searched through `value`:
    /// text, bytes, numbers and flags compare equal, an absent optional is `null`, an object is the same instance
    /// or value, and a list has the same items. Every type met must list its values (`TemplateFields`), and list
    /// no name that is not a stored property.
    func mismatches(in value: Any) -> [String] {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional || mirror.displayStyle == .collection {
            return mirror.children.flatMap { mismatches(in: $0.value) }
        }
        guard mirror.displayStyle == .struct || mirror.displayStyle == .class else { return [] }
        guard let object = value as? any TemplateFields else { return ["\(type(of: value)) lists no template values"] }
        var problems: [String] = []
        var labels: [String] = []
        for child in mirror.children where type(of: child.value) != [any TemplateObject].self {
            guard let label = child.label else { continue }
            labels.append(label)
            if !same(object.value(named: TemplateName(label)), child.value) {
                problems.append("\(type(of: value)).\(label)")
            }
            problems += mismatches(in: child.value)
        }
        for name in type(of: object).templateNames where !labels.contains(name) {
            problems.append("\(type(of: value)) lists \(name), which it does not store")
        }
        return problems
    }

    /// Whether a looked-up value is the stored one.
    func same(_ looked: TemplateValue, _ stored: Any) -> Bool {
        let mirror = Mirror(reflecting: stored)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else {
                if case .null = looked { return true }
                return false
            }
            return same(looked, wrapped)
        }
        switch looked {
        case .text(let text): return stored as? String == text
        case .bytes(let bytes): return stored as? [UInt8] == bytes
        case .number(let number): return stored as? Int == number
        case .flag(let flag): return stored as? Bool == flag
        case .object(let object):
            if let reference = stored as AnyObject?, type(of: stored) is AnyClass {
                return (object as AnyObject) === reference
            }
            return String(describing: object) == String(describing: stored)
        case .list(let list):
            let items = Mirror(reflecting: stored).children.map(\.value)
            return list.count == items.count
                && items.indices.allSatisfy { index in
                    if case .object(let item) = list.item(at: index) {
                        return String(describing: item) == String(describing: items[index])
                    }
                    return false
                }
        case .null, .missing: return false
        }
    }

    @Test func everyStoredValueIsWhatItsNameLooksUp() {
        #expect(mismatches(in: PageContext.example) == [])
        #expect(mismatches(in: NoteValues.example) == [])
        #expect(mismatches(in: EmbedContext(root: "../", features: [])) == [])
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
