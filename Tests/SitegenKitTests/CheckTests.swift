import Foundation
import Testing

@testable import SitegenKit

/// `SiteChecker` on tiny built sites written to temporary folders, and the HTML scanner it reads them with.
@Suite struct CheckTests {
    /// A built site in a fresh temporary folder, checked under the display name `site`.
    struct Fixture {
        let root: URL

        init(_ files: [String: String]) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-check-\(UUID().uuidString)")
            for (path, text) in files {
                let url = root.appendingPathComponent(path)
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
        }

        func check() throws -> SiteChecker.Report {
            try SiteChecker(directory: root, displayPath: "site").check()
        }

        /// The problems as `file:line: message`, which is what the tests care about.
        func problems() throws -> [String] {
            try check().problems.map { "\($0.location.file):\($0.location.line): \($0.message)" }
        }

        func remove() {
            try? FileManager.default.removeItem(at: root)
        }
    }

    /// A valid page whose body starts on line 9, so tests can name the line of each body line.
    static func page(_ body: String = "", head: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>A page</title>
        <meta name="description" content="What this page is for.">\(head)
        </head>
        <body>
        \(body)
        </body>
        </html>
        """
    }

    // MARK: The checker

    @Test func aCleanSitePasses() throws {
        let site = try Fixture([
            "index.html": Self.page(
                """
                <a href="notes/a.html#closing">closing</a> <a href="#">top</a> <a href="">here</a>
                <a href="notes/a.html?from=home#closing">again</a> <a href="files/my%20card.txt">card</a>
                <img src="files/card.png" srcset="files/card.png 1x, files/card@2x.png 2x" alt="">
                <img src="data:image/png;base64,iVBORw0KGgo=" alt=""> <a href="#top">up</a>
                """, head: "\n<link rel=\"stylesheet\" href=\"assets/style.css\">"),
            "notes/a.html": Self.page(#"<h2 id="closing">Closing</h2> <a href="../index.html">home</a>"#),
            "assets/style.css": "body { background: url(\"../files/card.png\") } /* url(nowhere.png) */\n",
            "files/my card.txt": "hello",
            "files/card.png": "",
            "files/card@2x.png": "",
        ])
        defer { site.remove() }
        let report = try site.check()
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.pages == 2)
        #expect(report.links == 13)
        #expect(report.summary == "checked 2 pages, 13 links: no problems")
    }

    @Test func aBrokenLinkIsReportedWithItsPageAndLine() throws {
        let site = try Fixture([
            "index.html": Self.page(),
            "notes/a.html": Self.page(#"<p>See <a href="../missing.html">this</a>.</p>"#),
        ])
        defer { site.remove() }
        let problems = try site.check().problems
        #expect(problems.count == 1)
        #expect(
            problems.first?.description.hasPrefix(#"site/notes/a.html:9:17: error: broken link "../missing.html""#)
                == true)
        #expect(problems.first?.hint?.contains("site/missing.html") == true)
    }

    @Test func linksResolveAgainstTheBaseHref() throws {
        let site = try Fixture([
            "index.html": Self.page(
                ##"<a href="a.html#closing">ok</a> <a href="missing.html">broken</a> <a href="#nowhere">anchor</a>"##,
                head: #"<base href="notes/">"#),
            "notes/a.html": Self.page(#"<h2 id="closing">Closing</h2>"#),
            "notes/index.html": Self.page(),
        ])
        defer { site.remove() }
        let problems = try site.check().problems
        // `#nowhere` is on the base document, the folder notes/, not on this page.
        #expect(problems.map(\.message) == [#"broken link "missing.html""#, ##"link to a folder "#nowhere""##])
        #expect(problems.first?.hint?.contains("site/notes/missing.html") == true)
    }

    @Test func referencesDecodeAsBrowsersDecodeThem() throws {
        let site = try Fixture([
            "index.html": Self.page(#"<a href="caf&eacute;.html">ok</a> <a href="&#150;.html">ok</a>"#),
            "café.html": Self.page(),
            "\u{2013}.html": Self.page(),
        ])
        defer { site.remove() }
        #expect(try site.problems() == [])
    }

    @Test func aMissingAnchorIsReportedOnTheTargetPageAndTheSamePage() throws {
        let site = try Fixture([
            "index.html": Self.page(
                """
                <a href="a.html#closng">a</a>
                <a href="#intro">intro</a>
                """),
            "a.html": Self.page(##"<h2 id="closing">Closing</h2><a name="old-name"></a> <a href="#old-name">old</a>"##),
        ])
        defer { site.remove() }
        #expect(
            try site.problems() == [
                #"site/index.html:9: missing anchor "a.html#closng""#,
                ##"site/index.html:10: missing anchor "#intro""##,
            ])
        #expect(try site.check().problems.first?.hint?.contains(##"did you mean "#closing"?"##) == true)
    }

    @Test func aLinkToAFolderIsAProblemWhetherOrNotItEndsInASlash() throws {
        let site = try Fixture([
            "index.html": Self.page(
                """
                <a href="notes/">notes</a>
                <a href="notes">notes</a>
                <a href="./">home</a>
                """),
            "notes/index.html": Self.page(),
        ])
        defer { site.remove() }
        let problems = try site.check().problems
        #expect(
            problems.map(\.message) == [
                #"link to a folder "notes/""#, #"link to a folder "notes""#, #"link to a folder "./""#,
            ])
        #expect(problems.first?.hint?.contains(#""notes/index.html""#) == true)
    }

    @Test func aLinkThatLeavesTheSiteFolderIsAProblem() throws {
        let site = try Fixture([
            "index.html": Self.page(),
            "notes/a.html": Self.page(#"<a href="../../outside.html">out</a> <img src="../../x.png" alt="">"#),
        ])
        defer { site.remove() }
        #expect(
            try site.problems() == [
                #"site/notes/a.html:9: link leaves the site folder "../../outside.html""#,
                #"site/notes/a.html:9: link leaves the site folder "../../x.png""#,
            ])
    }

    @Test func aPageThatLoadsFilesFromAnotherHostIsAProblem() throws {
        let site = try Fixture([
            "index.html": Self.page(
                """
                <script src="//cdn.example.com/app.js"></script>
                <img src="http://example.com/a.png" alt="">
                <div style="background: url('https://example.com/bg.png')"></div>
                <style>@import url(https://example.com/more.css);</style>
                """, head: "\n<link rel=\"stylesheet\" href=\"https://example.com/style.css\">")
        ])
        defer { site.remove() }
        #expect(
            try site.problems() == [
                #"site/index.html:7: request to another host "https://example.com/style.css""#,
                #"site/index.html:10: request to another host "//cdn.example.com/app.js""#,
                #"site/index.html:11: request to another host "http://example.com/a.png""#,
                #"site/index.html:12: request to another host "https://example.com/bg.png""#,
                #"site/index.html:13: request to another host "https://example.com/more.css""#,
            ])
    }

    @Test func aRootRelativeURLIsAProblemWithAPageRelativeSuggestion() throws {
        let site = try Fixture([
            "index.html": Self.page(),
            "notes/a.html": Self.page(#"<a href="/index.html">home</a>"#),
        ])
        defer { site.remove() }
        let problems = try site.check().problems
        #expect(problems.map(\.message) == [#"root-relative URL "/index.html""#])
        #expect(problems.first?.hint?.contains(#""../index.html""#) == true)
    }

    @Test func aPageWithoutATitleIsAProblem() throws {
        let site = try Fixture(["index.html": Self.page().replacingOccurrences(of: "<title>A page</title>", with: "")])
        defer { site.remove() }
        #expect(try site.problems() == ["site/index.html:0: missing <title>"])
    }

    @Test func aPageWithoutALanguageIsAProblem() throws {
        let site = try Fixture([
            "index.html": Self.page().replacingOccurrences(of: #"<html lang="en">"#, with: "<html>")
        ])
        defer { site.remove() }
        #expect(try site.problems() == ["site/index.html:2: missing <html lang>"])
    }

    @Test func aPageWithoutADescriptionIsAProblem() throws {
        let site = try Fixture([
            "index.html": Self.page().replacingOccurrences(
                of: #"<meta name="description" content="What this page is for.">"#, with: "")
        ])
        defer { site.remove() }
        #expect(try site.problems() == [#"site/index.html:0: missing <meta name="description">"#])
    }

    @Test func emptyTitleLanguageAndDescriptionAreProblems() throws {
        let page = Self.page()
            .replacingOccurrences(of: "<title>A page</title>", with: "<title>  </title>")
            .replacingOccurrences(of: #"lang="en""#, with: #"lang="""#)
            .replacingOccurrences(of: "What this page is for.", with: "")
        let site = try Fixture(["index.html": page])
        defer { site.remove() }
        #expect(
            try site.problems() == [
                "site/index.html:2: empty <html lang>",
                "site/index.html:5: empty <title>",
                #"site/index.html:6: empty <meta name="description">"#,
            ])
    }

    @Test func aTitleInsideAnSVGDrawingIsNotThePageTitle() throws {
        let page = Self.page(#"<svg viewBox="0 0 1 1"><title>Logo</title></svg>"#)
            .replacingOccurrences(of: "<title>A page</title>", with: "")
        let site = try Fixture(["index.html": page])
        defer { site.remove() }
        #expect(try site.problems() == ["site/index.html:0: missing <title>"])
    }

    @Test func linksToOtherSitesAreAllowed() throws {
        let site = try Fixture([
            "index.html": Self.page(
                """
                <a href="https://example.org/guide">guide</a> <a href="http://example.org">old</a>
                <a href="mailto:someone@example.org">mail</a> <a href="tel:+15555550100">call</a>
                """, head: "\n<link rel=\"canonical\" href=\"https://example.org/\">")
        ])
        defer { site.remove() }
        #expect(try site.problems() == [])
    }

    @Test func aJavaScriptURLIsAProblem() throws {
        let site = try Fixture(["index.html": Self.page(#"<a href="javascript:void(0)">menu</a>"#)])
        defer { site.remove() }
        #expect(try site.problems() == [#"site/index.html:9: javascript: URL "javascript:void(0)""#])
    }

    @Test func everyProblemIsListedWithItsPageAndLine() throws {
        let site = try Fixture([
            "index.html": Self.page(
                """
                <a href="gone.html">gone</a>
                <img src="https://example.com/a.png" alt="">
                """),
            "notes/a.html": Self.page(
                """
                <a href="/index.html">home</a>
                <a href="../index.html#nowhere">nowhere</a>
                """
            ).replacingOccurrences(of: "<title>A page</title>", with: ""),
        ])
        defer { site.remove() }
        let report = try site.check()
        #expect(
            report.problems.map { "\($0.location)" + ": " + $0.message } == [
                #"site/index.html:9:10: broken link "gone.html""#,
                #"site/index.html:10:11: request to another host "https://example.com/a.png""#,
                "site/notes/a.html: missing <title>",
                #"site/notes/a.html:9:10: root-relative URL "/index.html""#,
                #"site/notes/a.html:10:10: missing anchor "../index.html#nowhere""#,
            ])
        #expect(report.summary == "5 problems in 2 pages")
    }

    @Test func percentEncodedPathsAreDecodedAndQueriesIgnored() throws {
        let site = try Fixture([
            "index.html": Self.page(
                """
                <a href="caf%C3%A9.html?x=1">café</a> <a href="café.html">café</a>
                <a href="caf%C3%A9%20menu.html">menu</a>
                """),
            "café.html": Self.page(),
        ])
        defer { site.remove() }
        #expect(try site.problems() == [#"site/index.html:10: broken link "caf%C3%A9%20menu.html""#])
    }

    @Test func linksInCommentsAndScriptsAreNotLinks() throws {
        let site = try Fixture([
            "index.html": Self.page(
                """
                <!-- <a href="old.html">old</a> -->
                <script>document.body.innerHTML = "<a href='gone.html'>" + '<img src="/x.png">';</script>
                <textarea><a href="draft.html"></textarea>
                """)
        ])
        defer { site.remove() }
        #expect(try site.problems() == [])
    }

    @Test func aMissingFolderIsAClearError() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-none-\(UUID().uuidString)")
        #expect {
            try SiteChecker(directory: missing, displayPath: "output").check()
        } throws: { error in
            (error as? SitegenError)?.diagnostics.first?.message == "there is no folder output to check"
        }
    }

    @Test func brokenURLsInStyleSheetsAreReportedAtTheirLine() throws {
        let site = try Fixture([
            "index.html": Self.page(head: "\n<link rel=\"stylesheet\" href=\"assets/style.css\">"),
            "assets/style.css": "body {\n  background: url(missing.png);\n  font: 1em/1.5 serif;\n}\n",
        ])
        defer { site.remove() }
        #expect(try site.problems() == [#"site/assets/style.css:2: broken link "missing.png""#])
    }

    // MARK: The scanner

    static func tags(_ html: String) -> [HTMLScanner.Tag] {
        HTMLScanner.tokens(in: html).compactMap {
            if case .start(let tag) = $0 { return tag }
            return nil
        }
    }

    @Test func scannerReadsQuotedUnquotedAndBareAttributes() {
        let tags = Self.tags(#"<A HREF="a b.html" title='say "hi" > there' data-x=plain hidden class = "c">"#)
        #expect(tags.count == 1)
        let tag = tags[0]
        #expect(tag.name == "a")
        #expect(tag.attributes.map(\.name) == ["href", "title", "data-x", "hidden", "class"])
        #expect(tag.attributes.map(\.value) == ["a b.html", #"say "hi" > there"#, "plain", "", "c"])
    }

    @Test func scannerDecodesCharacterReferencesInValues() {
        let tag = Self.tags(#"<a href="?a=1&amp;b=2&copy=3&#x41;&#66;&lt;&nosuch;">"#)[0]
        #expect(tag["href"] == "?a=1&b=2&copy=3AB<&nosuch;")
    }

    @Test func scannerSkipsComments() {
        let html = #"<!-- <a href="x.html"> --><p id="after"><!----><!--> <a href="y.html"> --!><br>"#
        #expect(Self.tags(html).map(\.name) == ["p", "a", "br"])
    }

    @Test func scannerTreatsScriptAndStyleContentsAsText() {
        let html = """
            <script>if (a < b) { s = "<a href='x.html'></script-not>"; }</script><style>p > a { }</style><b>
            """
        let tokens = HTMLScanner.tokens(in: html)
        #expect(Self.tags(html).map(\.name) == ["script", "style", "b"])
        #expect(
            tokens.contains(
                .text(#"if (a < b) { s = "<a href='x.html'></script-not>"; }"#, line: 1, column: 9, offset: 8)))
    }

    @Test func scannerReportsLinesAndColumnsOfValues() {
        let tags = Self.tags("<p>\n  <a class=x\n     href=\"é.html\">é</a> <img src=y>")
        #expect(tags.map(\.name) == ["p", "a", "img"])
        #expect(tags[1].line == 2 && tags[1].column == 3)
        #expect(tags[1].attribute("href").map { [$0.line, $0.column] } == [3, 12])
        #expect(tags[2].attribute("src").map { [$0.line, $0.column] } == [3, 35])
    }

    @Test func scannerDropsATagCutOffByTheEndOfTheFile() {
        #expect(Self.tags(#"<p>text <a href="x.html"#).map(\.name) == ["p"])
    }

    @Test func srcsetListsSplitIntoURLs() {
        let urls = SiteChecker.srcsetURLs("a.png 1x, b,c.png 2x, d.png, e.png (x, y) 3x,f.png")
        #expect(urls == ["a.png", "b,c.png", "d.png", "e.png", "f.png"])
    }

    @Test func cssURLsSkipCommentsAndOtherStrings() {
        let css = #"/* url(no.png) */ a::before { content: "url(no2.png)" } @import 'one.css'; b { x: URL( two.png ) }"#
        #expect(SiteChecker.cssURLs(in: css).map(\.url) == ["one.css", "two.png"])
    }

    // MARK: The guide

    @Test func theBuiltGuideHasNoProblems() throws {
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sitegen-check-guide-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        try SiteBuilder.build(BuildOptions(root: repository, output: output))
        let report = try SiteChecker(directory: output, displayPath: "output").check()
        #expect(report.problems.isEmpty, "\(SitegenError(report.problems))")
        #expect(report.pages > 0)
    }
}
