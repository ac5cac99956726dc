import Testing

@testable import SitegenKit

/// A context made of a dictionary, for testing the template language without a site.
private struct Values: TemplateObject {
    var values: [String: TemplateValue]

    init(_ values: [String: TemplateValue]) {
        self.values = values
    }

    func value(named name: TemplateName) -> TemplateValue { values[name.text] ?? .missing }
}

/// Renders `main` (with any other templates, by name, for partials and parents) against `values`.
private func render(
    _ main: String, _ values: [String: TemplateValue] = [:], others: [String: String] = [:]
) throws -> String {
    var templates = ["main": try Template(parsing: main)]
    for (name, text) in others { templates[name] = try Template(parsing: text) }
    return String(
        decoding: try #require(TemplateLibrary(templates).render("main", with: Values(values))), as: UTF8.self)
}

/// The error parsing `text` gives.
private func syntaxError(_ text: String) -> TemplateSyntaxError? {
    do {
        _ = try Template(parsing: text)
        return nil
    } catch {
        return error
    }
}

@Suite struct TemplateTests {
    @Test func variablesAreEscapedUnlessTripleOrAmpersand() throws {
        let values: [String: TemplateValue] = ["x": .text("<a href=\"#\">Tom & Jerry's</a>")]
        #expect(try render("{{x}}", values) == "&lt;a href=&quot;#&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(
            try render("{{{x}}}|{{& x }}", values) == "<a href=\"#\">Tom & Jerry's</a>|<a href=\"#\">Tom & Jerry's</a>")
    }

    @Test func eachSpecialCharacterIsEscapedWhereverItFalls() throws {
        let references = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]
        for (character, reference) in references {
            // Across three 8-byte words, and with its neighbours in ASCII (`%`, `=`, `?`, `(`) left as they are.
            for offset in 0..<24 {
                let before = String(repeating: "a%=", count: 8).prefix(offset)
                let value = before + character + "?(b"
                #expect(try render("{{x}}", ["x": .text(String(value))]) == before + reference + "?(b", "\(offset)")
            }
        }
    }

    @Test func namesAgreeOnlyWhenTheirTextDoes() {
        #expect(TemplateName("title") == TemplateName("title"))
        // The same length and first seven bytes, so the same key: the text decides.
        #expect(TemplateName("readingA") != TemplateName("readingB"))
        #expect(TemplateName("nav") != TemplateName("navTitle"))
        #expect(TemplateName("") == TemplateName(""))
    }

    @Test func bytesRenderLikeText() throws {
        let values: [String: TemplateValue] = ["b": .bytes(Array("<p>&</p>".utf8)), "none": .bytes([])]
        #expect(
            try render("{{b}}|{{{b}}}|{{#b}}yes{{/b}}{{^none}}empty{{/none}}", values)
                == "&lt;p&gt;&amp;&lt;/p&gt;|<p>&</p>|yesempty")
    }

    @Test func numbersAndFlagsRenderAsText() throws {
        #expect(try render("{{n}} {{f}}", ["n": .number(42), "f": .flag(false)]) == "42 false")
    }

    @Test func dottedNamesLookInsideObjects() throws {
        let page = Values(["title": .text("Guide")])
        #expect(try render("<h1>{{page.title}}</h1>{{page.none}}", ["page": .object(page)]) == "<h1>Guide</h1>")
    }

    @Test func namesInsideASectionFallBackToOuterValues() throws {
        let items: [Values] = [Values(["name": .text("a")]), Values(["name": .text("b")])]
        let output = try render("{{#items}}{{name}}{{site}};{{/items}}", ["items": .list(items), "site": .text("S")])
        #expect(output == "aS;bS;")
    }

    @Test func sectionsSkipFalseMissingEmptyValues() throws {
        let values: [String: TemplateValue] = [
            "no": .flag(false), "empty": .text(""), "zero": .number(0), "none": .list([Values]()),
        ]
        #expect(
            try render(
                "{{#no}}1{{/no}}{{#empty}}2{{/empty}}{{#zero}}3{{/zero}}{{#none}}4{{/none}}{{#gone}}5{{/gone}}", values)
                == "")
        #expect(
            try render(
                "{{^no}}1{{/no}}{{^empty}}2{{/empty}}{{^zero}}3{{/zero}}{{^none}}4{{/none}}{{^gone}}5{{/gone}}", values)
                == "12345")
    }

    @Test func textSectionShowsItsValueAsDot() throws {
        #expect(try render("{{#d}}<p>{{.}}</p>{{/d}}", ["d": .text("x")]) == "<p>x</p>")
    }

    @Test func countGivesTheNumberOfItems() throws {
        let items = [Values([:]), Values([:]), Values([:])]
        #expect(try render("{{count(items)}} of {{ count(none) }}", ["items": .list(items)]) == "3 of ")
    }

    @Test func tagsAloneOnTheirLineLeaveNoBlankLine() throws {
        let text = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n  {{! a comment }}\n</ul>\n"
        let items = [Values([:])]
        #expect(try render(text, ["items": .list(items)]) == "<ul>\n  <li></li>\n</ul>\n")
    }

    @Test func tagsSharingALineKeepTheLine() throws {
        #expect(try render("a {{#t}}b{{/t}}\nc", ["t": .flag(true)]) == "a b\nc")
    }

    @Test func standalonePartialIsIndentedLineByLine() throws {
        let output = try render("<nav>\n  {{> item}}\n</nav>", others: ["item": "<a>\n<b>\n"])
        #expect(output == "<nav>\n  <a>\n  <b>\n</nav>")
    }

    @Test func childFillsItsParentsBlocks() throws {
        let base = "<main>{{$main}}default{{/main}}</main><footer>{{$foot}}foot{{/foot}}</footer>"
        let output = try render("{{<base}}\n{{$main}}\nmine\n{{/main}}\n{{/base}}\n", others: ["base": base])
        #expect(output == "<main>mine\n</main><footer>foot</footer>")
    }

    @Test func mostDerivedBlockWins() throws {
        let others = [
            "base": "[{{$a}}base a{{/a}}|{{$b}}base b{{/b}}]",
            "middle": "{{<base}}{{$a}}middle a{{/a}}{{$b}}middle b{{/b}}{{/base}}",
        ]
        #expect(try render("{{<middle}}{{$b}}main b{{/b}}{{/middle}}", others: others) == "[middle a|main b]")
    }

    @Test func delimitersCanChange() throws {
        #expect(try render("{{=[[ ]]=}}\n[[x]] {{y}}", ["x": .text("X")]) == "X {{y}}")
    }

    @Test func unclosedSectionPointsAtItsOpening() {
        let error = syntaxError("a\n{{#items}}x")
        #expect(error?.message == "{{#items}} is never closed")
        #expect(error?.offset == 2)
    }

    @Test func closingUnderAnotherNameIsAnError() {
        let error = syntaxError("{{#a}}x{{/b}}")
        #expect(error?.message == "{{/b}} closes {{#a}}, which has another name")
        #expect(error?.offset == 7)
    }

    @Test func unfinishedTagIsAnError() {
        #expect(syntaxError("x {{title\n}}")?.message == "a tag is not finished")
        #expect(syntaxError("{{{body}}")?.hint == "end the tag with }}} on the same line")
    }

    @Test func unknownFunctionIsAnError() {
        #expect(syntaxError("{{upper(title)}}")?.message == "{{upper(title)}} calls a function sitegen does not know")
    }

    @Test func textOutsideBlocksOfAChildIsIgnored() throws {
        let output = try render(
            "{{<base}}\nstray {{$a}}mine{{/a}} text\n{{/base}}", others: ["base": "[{{$a}}a{{/a}}]"])
        #expect(output == "[mine]")
    }

    @Test func aTagOutsideBlocksOfAChildIsAnError() {
        let error = syntaxError("{{<base}}\n{{stray}}\n{{/base}}")
        #expect(error?.message == "a template that inherits from a parent has content outside its blocks")
        #expect(error?.offset == 10)
    }

    @Test func aValueThatIsThereButEmptyHidesTheSameNameFurtherOut() throws {
        let inner: [String: TemplateValue] = ["title": .null, "note": .text("")]
        let values: [String: TemplateValue] = [
            "title": .text("outer"), "note": .text("outer"), "inner": .object(Values(inner)),
        ]
        #expect(try render("{{#inner}}[{{title}}|{{note}}]{{/inner}}", values) == "[|]")
        #expect(try render("{{#inner}}{{^title}}none{{/title}}{{/inner}}", values) == "none")
    }

    @Test func aCarriageReturnLineBreakEndsAStandaloneLine() throws {
        #expect(try render("a\r\n{{#t}}\r\nb\r\n{{/t}}\r\nc", ["t": .flag(true)]) == "a\r\nb\r\nc")
    }

    @Test func aLineOfParentAndBlockTagsStandsAlone() throws {
        let output = try render("{{<base}}{{$a}}\none\n{{/a}}{{/base}}\n", others: ["base": "{{$a}}a{{/a}}"])
        #expect(output == "one\n")
    }

    @Test func anOverrideThatStartsWithATagIsReindentedToo() throws {
        let base = "<main>\n  {{$main}}\n  {{/main}}\n</main>"
        let child = "{{<base}}\n{{$main}}\n    {{> item}}\n    <p>b</p>\n{{/main}}\n{{/base}}"
        let output = try render(child, others: ["base": base, "item": "<p>a</p>\n"])
        #expect(output == "<main>\n  <p>a</p>\n  <p>b</p>\n</main>")
    }

    @Test func anOverrideIsReindentedWhereTheBlockStands() throws {
        let base = "<main>\n  {{$main}}\n  {{/main}}\n</main>"
        let output = try render(
            "{{<base}}\n{{$main}}\n    <p>a</p>\n    <p>b</p>\n{{/main}}\n{{/base}}", others: ["base": base])
        #expect(output == "<main>\n  <p>a</p>\n  <p>b</p>\n</main>")
    }

    @Test func malformedNameIsAnError() {
        #expect(syntaxError("{{page..title}}")?.message == "{{page..title}} does not name a value")
        #expect(syntaxError("{{}}")?.message == "a tag has no name")
    }

    @Test func standaloneCommentOverSeveralLinesLeavesNoLine() throws {
        #expect(try render("a\n  {{! one\n  two }}\nb\n") == "a\nb\n")
    }

    @Test func nestedStandalonePartialsAddUpTheirIndentation() throws {
        let others = ["outer": "<div>\n  {{> inner}}\n</div>\n", "inner": "<p>\n"]
        #expect(try render("  {{> outer}}\n", others: others) == "  <div>\n    <p>\n  </div>\n")
    }

    @Test func textAfterASectionIsNotPartOfIt() throws {
        let others = ["tail": "after"]
        #expect(try render("{{#t}}in{{/t}}{{> tail}}", ["t": .flag(false)], others: others) == "after")
        let items: [String: TemplateValue] = ["items": .list([Values(["n": .number(1)]), Values(["n": .number(2)])])]
        #expect(try render("{{#items}}<{{n}}>{{/items}}{{> tail}}", items, others: others) == "<1><2>after")
    }

    @Test func aPartialThatIncludesItselfStopsThere() throws {
        // The theme refuses such templates when it loads; rendering them must still end.
        #expect(try render("[{{> main}}]") == "[]")
        #expect(try render("a{{> b}}", others: ["b": "b{{> main}}"]) == "ab")
    }

    @Test func closingASectionThatIsNotOpenIsAnError() {
        let error = syntaxError("text {{/items}}")
        #expect(error?.message == "{{/items}} closes a section that is not open")
        #expect(error?.offset == 5)
    }

    @Test func pragmasAreRefused() {
        #expect(syntaxError("{{% CONTENT_TYPE: TEXT }}")?.message == "pragmas ({{%...}}) are not supported")
    }
}
