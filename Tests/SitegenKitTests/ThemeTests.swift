import Foundation
import Testing

@testable import SitegenKit

@Suite struct ThemeTests {
    @Test func missingPartialIsNamedWithItsPosition() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        try site.write(
            "themes/default/templates/partials/footer.mustache", "<footer>\n  {{> partials/credits}}\n</footer>")
        let problem = try #require(site.failure().first)
        #expect(
            problem.location
                == SourceLocation(file: "themes/default/templates/partials/footer.mustache", line: 2, column: 3))
        #expect(problem.message.contains("`partials/credits`"))
        #expect(problem.hint == "create themes/default/templates/partials/credits.mustache")
    }

    @Test func mustacheSyntaxErrorHasItsPosition() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        try site.write(
            "themes/default/templates/page.mustache",
            "{{<base}}{{$main}}\n{{#page}}{{title}}{{/pgae}}\n{{/main}}{{/base}}")
        let problem = try #require(site.failure().first)
        #expect(problem.location.file == "themes/default/templates/page.mustache")
        #expect(problem.location.line == 2)
        #expect(problem.location.column == 19)
        #expect(problem.message == "Mustache syntax error: {{/pgae}} closes {{#page}}, which has another name")
        #expect(problem.hint == "close {{#page}} with {{/page}}")
    }

    @Test func missingLayoutIsNamed() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", front: "layout: gallery\n")
        let problem = try #require(site.failure().first)
        #expect(problem.message == "the theme `default` has no template `gallery`")
        #expect(problem.location.file == "content/index.md")
    }

    @Test func missingRequiredTemplateIsNamed() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        try FileManager.default.removeItem(
            at: site.root.appendingPathComponent("themes/default/templates/partials/nav.mustache"))
        let messages = site.failure().map(\.message)
        #expect(messages.contains("the theme has no `partials/nav` template"))
    }

    @Test func missingThemeFolderIsNamed() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.write("content/site.yaml", "title: T\ntheme: plain\n")
        let problem = try #require(site.failure().first)
        #expect(problem.location.file == "themes/plain")
    }

    @Test func variableThatNoPageProvidesIsNamed() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        try site.write(
            "themes/default/templates/page.mustache",
            "{{<base}}{{$main}}\n<h1>{{pgae.title}}</h1>{{#nav}}{{href}}{{/nav}}{{count(elements)}}{{/main}}{{/base}}")
        let problems = site.failure()
        #expect(problems.count == 1)
        #expect(problems.first?.message == "template `page` uses `pgae.title`, but pages provide no `pgae`")
        #expect(problems.first?.hint == "did you mean `page`?")
        #expect(
            problems.first?.location
                == SourceLocation(file: "themes/default/templates/page.mustache", line: 2, column: 5))
    }

    @Test func pageValuesAreEscapedInTemplates() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md", title: "\"Fish & <Chips>\"")
        try site.build()
        #expect(try site.read("index.html").contains("<h1>Fish &amp; &lt;Chips&gt;</h1>"))
    }

    @Test func partialsThatIncludeEachOtherAreRefused() throws {
        let site = try TestSite()
        defer { site.remove() }
        try site.page("index.md")
        try site.write("themes/default/templates/partials/footer.mustache", "<footer>{{> partials/credits}}</footer>")
        try site.write("themes/default/templates/partials/credits.mustache", "by\n{{> partials/footer}}")
        let problem = try #require(site.failure().first)
        #expect(
            problem.message
                == "templates include each other in a loop: partials/footer → partials/credits → partials/footer")
        #expect(
            problem.location
                == SourceLocation(file: "themes/default/templates/partials/credits.mustache", line: 2, column: 1))
    }
}
