import Foundation
import Testing

@testable import SitegenKit

@Suite struct ScaffoldTests {
    func site() throws -> TestSite {
        let site = try TestSite()
        try site.write(
            "themes/default/starters/page.md",
            "{{=[[ ]]=}}\n---\ntitle: [[&title]]\ndescription: About [[slug]].\n---\nWrite here.\n")
        return site
    }

    @Test func createsAPageWithItsFrontMatterFilledIn() throws {
        let site = try site()
        defer { site.remove() }
        let path = try Scaffold.create("page", name: "notes/mentor-thanks", root: site.root)
        #expect(path == "content/notes/mentor-thanks.md")
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        #expect(text == "---\ntitle: \"Mentor thanks\"\ndescription: About mentor-thanks.\n---\nWrite here.\n")
        try site.build()
        #expect(try site.read("notes/mentor-thanks.html").contains("<h1>Mentor thanks</h1>"))
    }

    @Test func refusesToOverwrite() throws {
        let site = try site()
        defer { site.remove() }
        try site.page("tips.md", title: "Mine")
        #expect(throws: SitegenError.self) { try Scaffold.create("page", name: "tips", root: site.root) }
        #expect(
            try String(contentsOf: site.root.appendingPathComponent("content/tips.md"), encoding: .utf8).contains(
                "Mine"))
    }

    @Test func refusesNamesOutsideContent() throws {
        let site = try site()
        defer { site.remove() }
        for name in ["../escape", "/abs", "a//b", ".hidden", ""] {
            #expect(throws: SitegenError.self, "\(name)") { try Scaffold.create("page", name: name, root: site.root) }
        }
    }

    @Test func missingStarterIsNamed() throws {
        let site = try site()
        defer { site.remove() }
        let error = #expect(throws: SitegenError.self) { try Scaffold.create("note", name: "x", root: site.root) }
        #expect(error?.diagnostics.first?.location.file == "themes/default/starters/note.md")
        #expect(error?.diagnostics.first?.message == "the theme has no starter `note`")
        #expect(error?.diagnostics.first?.hint == "its starters: page")
    }

    @Test func theDefaultThemesNoteStarterBuilds() throws {
        let site = try TestSite()
        defer { site.remove() }
        let repository = SiteTests.repository
        for name in ["content/elements.yaml", "content/fields.yaml"] {
            try site.write(name, try String(contentsOf: repository.appendingPathComponent(name), encoding: .utf8))
        }
        for kind in ["page", "note"] {
            try site.write(
                "themes/default/starters/\(kind).md",
                try String(
                    contentsOf: repository.appendingPathComponent("themes/default/starters/\(kind).md"),
                    encoding: .utf8))
        }
        try Scaffold.create("note", name: "notes/mentor", root: site.root)
        try Scaffold.create("page", name: "tips", root: site.root)
        try site.build()
        #expect(
            try site.read("notes/mentor.html").contains(
                "Thank you for letting me know how the Project Coordinator search turned out."))
    }
}
