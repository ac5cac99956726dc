import Foundation

/// `sitegen new KIND NAME`: a new content file from one of the theme's starters (`themes/<theme>/starters/KIND.md`,
/// a Mustache template that sees `title` and `slug`), its front matter filled in. It never overwrites a file.
public enum Scaffold {
    /// Creates `content/<name>.md` from the starter `kind`; returns the path created, relative to the project.
    @discardableResult
    public static func create(_ kind: String, name: String, root: URL) throws(SitegenError) -> String {
        guard Self.isStarterName(kind) else {
            throw SitegenError(
                Diagnostic(
                    SourceLocation(file: kind), "`\(kind)` is not a starter name",
                    hint: "name a file of the theme's starters/ folder without .md, such as `page`"))
        }
        let trimmed = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard !trimmed.isEmpty, !trimmed.hasPrefix("/"),
            parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.hasPrefix(".") })
        else {
            throw SitegenError(
                Diagnostic(
                    SourceLocation(file: name), "`\(name)` is not a page name",
                    hint: "use a path inside content/ such as `tips` or `notes/mentor`"))
        }
        let options = BuildOptions(root: root)
        let relative = "content/\(trimmed).md"
        let target = root.appendingPathComponent(relative)
        guard !FileManager.default.fileExists(atPath: target.path) else {
            throw SitegenError(
                Diagnostic(
                    SourceLocation(file: relative), "\(relative) already exists; sitegen does not overwrite it",
                    hint: "choose another name, or edit the existing file"))
        }
        let config = try SiteConfig.decode(
            try SourceFile.read(
                options.content.appendingPathComponent(SiteConfig.fileName), displayPath: "content/site.yaml"))
        let startersPath = "themes/\(config.theme)/starters"
        let starterPath = "\(startersPath)/\(kind).md"
        guard Disk.kind(of: root.appendingPathComponent(starterPath).path) == .file else {
            let known = FileTree.files(under: root.appendingPathComponent(startersPath))
                .filter { $0.hasSuffix(".md") && !$0.contains("/") }.map { String($0.dropLast(3)) }
            throw SitegenError(
                Diagnostic(
                    SourceLocation(file: starterPath), "the theme has no starter `\(kind)`",
                    hint: known.isEmpty
                        ? "create \(starterPath)" : "its starters: \(known.sorted().joined(separator: ", "))"))
        }
        let starter = try SourceFile.read(root.appendingPathComponent(starterPath), displayPath: starterPath)
        let template: Template
        do throws(TemplateSyntaxError) {
            template = try Template(parsing: starter.text)
        } catch {
            throw SitegenError(starter.diagnostic(for: error))
        }
        let slug = String(parts.last!)
        let values = StarterValues(title: yamlQuoted(title(fromSlug: slug)), slug: slug)
        // Starters switch to `[[ ]]` delimiters so that `{{ }}` the content itself uses passes through.
        let text = TemplateLibrary(["starter": template]).render("starter", with: values) ?? []
        do throws(FileError) {
            try Disk.live.createFolders(target.deletingLastPathComponent().path)
            try Disk.live.write(text, to: target.path, exclusive: true)
        } catch {
            throw SitegenError(
                Diagnostic(
                    SourceLocation(file: relative), "cannot create the file: \(error.reason)", hint: error.hint))
        }
        return relative
    }

    static func isStarterName(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    /// `mentor-thanks` → `Mentor thanks`.
    static func title(fromSlug slug: String) -> String {
        let words = slug.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " }).joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// A YAML double-quoted string, safe whatever the title holds.
    static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// What a starter template sees: the new page's title (quoted for YAML) and its file name without `.md`.
struct StarterValues: TemplateObject {
    var title: String
    var slug: String

    func value(named name: TemplateName) -> TemplateValue {
        switch name.text {
        case "title": .text(title)
        case "slug": .text(slug)
        default: .missing
        }
    }
}
