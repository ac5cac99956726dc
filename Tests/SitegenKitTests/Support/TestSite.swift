import Foundation
import SitegenKit

/// A tiny project in a fresh temporary folder: settings, elements, fields, a minimal theme, and the pages a test adds.
struct TestSite {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitegen-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try write("content/site.yaml", "title: Test Site\nauthor: Tester\nlanguage: en\n")
        try write(
            "content/elements.yaml",
            """
            elements:
              - id: thanks
                title: Say thanks
                why: It is polite.
                example: Thank you.
              - id: ask
                title: Ask
                why: It keeps the door open.
                example: Please think of me.
            """)
        try write(
            "content/fields.yaml",
            """
            fields:
              - id: name
                label: Your name
                hint: As you sign.
                example: Sam
              - id: company
                label: Company
                hint: Where you applied.
                example: Acme
            """)
        for (name, text) in Self.theme {
            try write("themes/default/templates/\(name).mustache", text)
        }
        try write("themes/default/assets/style.css", "body { margin: 0 }\n")
    }

    /// The minimal theme: a base layout with blocks, a page layout, the three partials, and the two embeds.
    static let theme: [String: String] = [
        "base": """
        <!DOCTYPE html><html lang="{{site.language}}"><head>{{> partials/head}}</head>
        <body>{{> partials/nav}}<main>{{$main}}{{/main}}</main>{{> partials/footer}}</body></html>
        """,
        "page": "{{<base}}{{$main}}<h1>{{page.title}}</h1>{{{page.body}}}{{/main}}{{/base}}",
        "note": "{{<base}}{{$main}}<pre>{{note.text}}</pre>{{/main}}{{/base}}",
        "partials/head":
            "<meta charset=\"utf-8\"><title>{{page.title}}</title><link rel=\"stylesheet\" href=\"{{stylesheet.href}}\">",
        "partials/nav": "<nav>{{#nav}}<a href=\"{{href}}\">{{title}}</a>{{/nav}}</nav>",
        "partials/footer": "<footer>{{site.author}}</footer>",
        "embeds/elements": "<ol>{{#elements}}<li>{{title}}</li>{{/elements}}</ol>",
        "embeds/notes": "<ul>{{#notes}}<li><a href=\"{{href}}\">{{title}}</a></li>{{/notes}}</ul>",
    ]

    var output: URL { root.appendingPathComponent("output") }

    /// Writes a file under the project root, creating folders.
    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Writes a page under content/ with the given front matter lines and body.
    func page(_ path: String, title: String = "A page", front: String = "", _ body: String = "") throws {
        try write("content/\(path)", "---\ntitle: \(title)\n\(front)---\n\(body)")
    }

    /// Reads a file under the output folder.
    func read(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    /// Builds into `output/` (or `outputPath` relative to the root).
    @discardableResult
    func build(output outputPath: String? = nil) throws(SitegenError) -> BuildReport {
        try SiteBuilder.build(BuildOptions(root: root, output: outputPath.map { root.appendingPathComponent($0) }))
    }

    /// The diagnostics of a build that must fail.
    func failure() -> [Diagnostic] {
        do {
            try build()
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// Every file under the output folder with its bytes.
    func snapshot(_ folder: URL? = nil) throws -> [String: Data] {
        let base = folder ?? output
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isDirectoryKey])
        while let url = enumerator?.nextObject() as? URL {
            if (try url.resourceValues(forKeys: [.isDirectoryKey])).isDirectory == false {
                result[String(url.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1))] =
                    try Data(contentsOf: url)
            }
        }
        return result
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}
