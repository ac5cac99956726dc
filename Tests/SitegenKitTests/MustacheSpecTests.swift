import Foundation
import Testing

@testable import SitegenKit

/// The official Mustache specification's own test cases (`Fixtures/mustache-spec`, see its README), run through
/// sitegen's template engine. A case either renders exactly what the spec expects, or is refused by design for a
/// reason listed in `MustacheSpec.refusals` (and in the README's theme guide); a refused case must still be refused
/// the way its reason says, so a refusal that stops holding fails too.
@Suite struct MustacheSpecTests {
    @Test(arguments: MustacheSpec.files)
    func everyCaseRendersAsTheSpecSaysOrIsRefusedByDesign(file: String) throws {
        let cases = try MustacheSpec.cases(in: file)
        #expect(!cases.isEmpty)
        for specCase in cases {
            let outcome = MustacheSpec.run(specCase)
            switch (outcome, MustacheSpec.refusal(for: specCase)) {
            case (.rendered(let output), nil):
                #expect(
                    output == specCase.expected,
                    "\(file) “\(specCase.name)”: \(specCase.desc)\ntemplate: \(specCase.template.debugDescription)")
            case (.refused(let why), let reason?):
                #expect(why == reason.kind, "\(file) “\(specCase.name)” is refused as \(why), not \(reason.kind)")
            case (.refused(let why), nil):
                Issue.record("\(file) “\(specCase.name)” is refused (\(why)) but no refusal is listed for it")
            case (.rendered, let reason?):
                Issue.record("\(file) “\(specCase.name)” renders, yet is listed as refused: \(reason.kind)")
            }
        }
    }

    @Test func theCountsAreTheOnesTheReadmeGives() throws {
        var total = 0
        var refused = 0
        for file in MustacheSpec.files {
            let cases = try MustacheSpec.cases(in: file)
            total += cases.count
            refused += cases.filter { MustacheSpec.refusal(for: $0) != nil }.count
        }
        let readme = try String(
            contentsOf: SiteTests.repository.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(
            readme.contains("\(total) cases: \(total - refused) pass and \(refused) are refused by design"),
            "the README's theme guide should say: \(total) cases: \(total - refused) pass and \(refused) are refused by design"
        )
    }
}

/// Loads and runs the spec's cases.
enum MustacheSpec {
    static let folder = SiteTests.repository.appendingPathComponent("Tests/SitegenKitTests/Fixtures/mustache-spec")
    static let files = [
        "comments.json", "delimiters.json", "interpolation.json", "inverted.json", "partials.json", "sections.json",
        "~inheritance.json", "~lambdas.json", "~dynamic-names.json",
    ]

    /// One case: a template, its partials and data, and the output the spec expects.
    struct Case: Decodable {
        var name: String
        var desc: String
        var data: JSON
        var template: String
        var partials: [String: String]?
        var expected: String
        /// The file the case comes from; set after decoding.
        var file = ""

        enum CodingKeys: String, CodingKey {
            case name, desc, data, template, partials, expected
        }
    }

    /// Why a case cannot run as the spec writes it.
    enum Refusal: Equatable, CustomStringConvertible {
        /// The template does not parse: sitegen refuses the feature at load time, at the tag.
        case syntax
        /// Templates include each other in a loop: sitegen flattens partials when a theme loads, and refuses loops.
        case loop
        /// The data holds code (lambdas): sitegen's values are text, numbers, flags, objects and lists.
        case code

        var description: String {
            switch self {
            case .syntax: "refused when parsed"
            case .loop: "a loop of partials"
            case .code: "data that is code"
            }
        }
    }

    struct Reason {
        var kind: Refusal
        var why: String
    }

    /// What running a case gave.
    enum Outcome {
        case rendered(String)
        case refused(Refusal)
    }

    /// The refusals by design: whole files, and single cases by file and name.
    static func refusal(for specCase: Case) -> Reason? {
        switch specCase.file {
        case "~lambdas.json":
            return Reason(kind: .code, why: "lambdas need the data to hold functions")
        case "~dynamic-names.json":
            return Reason(kind: .syntax, why: "dynamic partial names ({{>*name}}) are refused when parsed")
        default:
            break
        }
        if specCase.name == "Recursion" {
            return Reason(kind: .loop, why: "a partial or parent that includes itself is refused")
        }
        return nil
    }

    static func cases(in file: String) throws -> [Case] {
        struct SpecFile: Decodable { var tests: [Case] }
        let data = try Data(contentsOf: folder.appendingPathComponent(file))
        return try JSONDecoder().decode(SpecFile.self, from: data).tests.map {
            var specCase = $0
            specCase.file = file
            return specCase
        }
    }

    static func run(_ specCase: Case) -> Outcome {
        if case .object(let fields) = specCase.data, fields.values.contains(where: \.isCode) {
            return .refused(.code)
        }
        var templates: [String: Template] = [:]
        do {
            templates["spec"] = try Template(parsing: specCase.template)
            for (name, text) in specCase.partials ?? [:] {
                templates[name] = try Template(parsing: text)
            }
        } catch {
            return .refused(.syntax)
        }
        let library = TemplateLibrary(templates)
        if library.cycle() != nil { return .refused(.loop) }
        let bytes = library.render("spec", with: JSONObject(fields: specCase.data.fields)) ?? []
        return .rendered(String(decoding: bytes, as: UTF8.self))
    }
}

/// A JSON value as the spec writes data.
enum JSON: Decodable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let int = try? container.decode(Int.self) {
            self = .int(int)
        } else if let double = try? container.decode(Double.self) {
            self = .double(double)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let array = try? container.decode([JSON].self) {
            self = .array(array)
        } else {
            self = .object(try container.decode([String: JSON].self))
        }
    }

    var fields: [String: JSON] {
        if case .object(let fields) = self { fields } else { [:] }
    }

    /// The spec writes a lambda as an object of source code by language (`ruby`, `js`, …).
    var isCode: Bool {
        if case .object(let fields) = self { fields["js"] != nil && fields["python"] != nil } else { false }
    }

    var templateValue: TemplateValue {
        switch self {
        case .null: .null
        case .bool(let bool): .flag(bool)
        case .int(let int): .number(int)
        // The spec's decimals (1.21, 2.2) print as they are written.
        case .double(let double): .text(String(double))
        case .string(let string): .text(string)
        case .array(let items): .list(JSONList(items: items))
        case .object(let fields): .object(JSONObject(fields: fields))
        }
    }
}

struct JSONObject: TemplateObject {
    var fields: [String: JSON]

    func value(named name: TemplateName) -> TemplateValue {
        fields[name.text]?.templateValue ?? .missing
    }
}

struct JSONList: TemplateList {
    var items: [JSON]
    var count: Int { items.count }
    func item(at index: Int) -> TemplateValue { items[index].templateValue }
}
