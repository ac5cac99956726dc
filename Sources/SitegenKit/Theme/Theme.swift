import Foundation

/// A theme folder, `themes/<name>/`: Mustache templates under `templates/` and files under `assets/`.
struct Theme: Sendable {
    /// The theme's name (its folder).
    var name: String
    /// The folder it was loaded from.
    var directory: URL
    /// Paths under `assets/` of the files copied to `assets/` in the output.
    var assets: [String]
    /// Names of the loaded templates (path under `templates/` without `.mustache`).
    var templateNames: Set<String>
    /// The text of `assets/style.css`, for pages that inline their style.
    var stylesheet: String?
    /// Files under `inline/`, by path: style and script that standalone pages inline (`<layout>.css`, `<layout>.js`).
    var inlineFiles: [String: String]
    /// `inline/favicon.svg` as a `data:` URL, worked out once rather than for every page.
    var favicon: String?
    private var library: TemplateLibrary
    private var displayPath: String

    /// Templates every theme must have; page layouts are checked when a page asks for one.
    static let requiredTemplates = ["base", "page", "partials/head", "partials/nav", "partials/footer"]

    /// Loads and checks the theme: every template parses, every partial or parent it names exists, and the
    /// required templates are present. `displayPath` is how the folder is named in messages.
    static func load(from directory: URL, displayPath: String) throws(SitegenError) -> Theme {
        let templatesDirectory = directory.appendingPathComponent("templates")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: templatesDirectory.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw SitegenError(
                Diagnostic(
                    SourceLocation(file: displayPath), "theme has no templates/ folder",
                    hint: "check `theme` in content/site.yaml, or create \(displayPath)/templates/"))
        }
        var templates: [String: Template] = [:]
        var sources: [String: SourceFile] = [:]
        var problems: [Diagnostic] = []
        for path in FileTree.files(under: templatesDirectory) where path.hasSuffix(".mustache") {
            let name = String(path.dropLast(".mustache".count))
            do throws(SitegenError) {
                let file = try SourceFile.read(
                    templatesDirectory.appendingPathComponent(path), displayPath: "\(displayPath)/templates/\(path)")
                sources[name] = file
                do throws(TemplateSyntaxError) {
                    templates[name] = try Template(parsing: file.text)
                } catch {
                    problems.append(file.diagnostic(for: error))
                }
            } catch {
                problems += error.diagnostics
            }
        }
        let known = PageContext.knownNames
        for (name, template) in templates.sorted(by: { $0.key < $1.key }) {
            let file = sources[name]!
            for reference in template.references where templates[reference.name] == nil {
                problems.append(
                    file.diagnostic(
                        atByte: reference.offset,
                        "template `\(name)` uses `\(reference.name)`, which is not in \(displayPath)/templates/",
                        hint: "create \(displayPath)/templates/\(reference.name).mustache"))
            }
            for variable in template.names {
                for component in variable.path where !known.contains(component) {
                    let hint = Suggestion.closest(to: component, among: known.sorted()).map { "did you mean `\($0)`?" }
                    problems.append(
                        file.diagnostic(
                            atByte: variable.offset,
                            "template `\(name)` uses `\(variable.path.joined(separator: "."))`, but pages provide no `\(component)`",
                            hint: hint ?? "the README's theme guide lists every variable"))
                }
            }
        }
        let library = TemplateLibrary(templates)
        if problems.isEmpty, let cycle = library.cycle(), let file = sources[cycle.names[cycle.names.count - 2]] {
            problems.append(
                file.diagnostic(
                    atByte: cycle.closing.offset,
                    "templates include each other in a loop: \(cycle.names.joined(separator: " → "))",
                    hint: "remove one of these partial or parent tags"))
        }
        let names = Set(templates.keys)
        for required in requiredTemplates where !names.contains(required) {
            problems.append(
                Diagnostic(
                    SourceLocation(file: "\(displayPath)/templates/\(required).mustache"),
                    "the theme has no `\(required)` template",
                    hint: "every theme needs: \(requiredTemplates.joined(separator: ", "))"))
        }
        var inlineFiles: [String: String] = [:]
        let inlineDirectory = directory.appendingPathComponent("inline")
        for path in FileTree.files(under: inlineDirectory) {
            do throws(SitegenError) {
                inlineFiles[path] = try SourceFile.read(
                    inlineDirectory.appendingPathComponent(path), displayPath: "\(displayPath)/inline/\(path)"
                ).text
            } catch {
                problems += error.diagnostics
            }
        }
        guard problems.isEmpty else { throw SitegenError(problems) }
        let stylesheet = FileManager.default.contents(atPath: directory.appendingPathComponent("assets/style.css").path)
        return Theme(
            name: directory.lastPathComponent, directory: directory,
            assets: FileTree.files(under: directory.appendingPathComponent("assets")), templateNames: names,
            stylesheet: stylesheet.map { String(decoding: $0, as: UTF8.self) }, inlineFiles: inlineFiles,
            favicon: inlineFiles["favicon.svg"].map(dataURL(svg:)),
            library: library, displayPath: displayPath)
    }

    /// Renders `template` with `context` into UTF-8; a template the theme lacks is a diagnostic at `requestedBy`.
    func render(_ template: String, context: any TemplateObject, requestedBy: SourceLocation) throws(SitegenError)
        -> [UInt8]
    {
        guard let output = library.render(template, with: context) else {
            throw SitegenError(
                Diagnostic(
                    requestedBy, "the theme `\(name)` has no template `\(template)`",
                    hint:
                        "create \(displayPath)/templates/\(template).mustache, or use one of: \(templateNames.sorted().joined(separator: ", "))"
                ))
        }
        return output
    }

    /// A `data:` URL for SVG text, percent-encoded so it is safe in a URL and in an HTML attribute.
    static func dataURL(svg: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-_.!~*()/:;=,")
        let compact = svg.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        return "data:image/svg+xml," + (compact.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
    }

    /// Where an asset file lies on disk.
    func assetURL(_ path: String) -> URL {
        directory.appendingPathComponent("assets").appendingPathComponent(path)
    }
}
