import Testing

@_spi(Benchmark) @testable import SitegenKit

@Suite struct MarkdownTests {
    let renderer = MarkdownRenderer()

    func render(_ markdown: String, embed: (String) -> String? = { _ in nil }) -> MarkdownDocument {
        renderer.render(markdown, rewriteLink: { _ in nil }, embed: embed)
    }

    @Test func headingsGetStableUniqueIDs() {
        let document = render("## Why it works\n\n## Why it *works*\n\n### 1. Thank them!\n")
        #expect(document.headings.map(\.id) == ["why-it-works", "why-it-works-2", "1-thank-them"])
        #expect(document.html.contains(#"<h2 id="why-it-works">Why it works</h2>"#))
        #expect(document.html.contains(#"<h2 id="why-it-works-2">Why it <em>works</em></h2>"#))
    }

    @Test func everyHeadingGetsItsIDWhereverItStands() {
        // First in the document, after a rule, set over two lines, in a quote, in tight and loose lists, right
        // after an embed, and amid inline markup and text that only looks like a heading tag.
        let markdown = """
            # First
            ***
            ## After a rule
            Two *lines*
            of heading
            ---
            > ### Quoted
            - #### In a tight list
            - item

            1. loose

               ##### In a loose list

            <!-- sitegen:box -->
            ###### After an embed
            Text `<h2>` and &lt;h3&gt; and <h4>raw</h4>, *em* [a](b.md).
            <!-- sitegen:box -->
            ## Last
            """
        let document = render(markdown) { $0 == "box" ? "<div class=\"box\">x</div>\n" : nil }
        let ids = document.headings.map(\.id)
        #expect(ids.count == 8)
        let html = document.html
        let tags = html.matches(of: /<h([1-6])( id="([^"]*)")?>/)
        #expect(tags.map { $0.output.3.map(String.init) } == ids.map { $0 })
        #expect(html.components(separatedBy: "<div class=\"box\">x</div>").count == 3)
        #expect(!html.contains("sitegen:embed"))
        #expect(html.contains("<h1 id=\"first\">First</h1>"))
        #expect(html.contains("<h2 id=\"two-lines-of-heading\">Two <em>lines</em>\nof heading</h2>"))
    }

    @Test func suffixedIDsNeverRepeatAnotherHeadingsID() {
        var slugs = HeadingSlug()
        #expect(["A", "A!", "a-2", "A 2", "a"].map { slugs.next(for: $0) } == ["a", "a-2", "a-2-2", "a-2-3", "a-3"])
    }

    @Test func slugsFoldEverythingButLettersAndDigits() {
        #expect(HeadingSlug.slug("  Section 1: goal -- WARM!  ") == "section-1-goal-warm")
        #expect(HeadingSlug.slug("?!") == "section")
        #expect(HeadingSlug.slug("") == "section")
        #expect(HeadingSlug.slug("Grüße, Welt") == "grüße-welt")
        var slugs = HeadingSlug()
        #expect(["A", "a", "A!", "b"].map { slugs.next(for: $0) } == ["a", "a-2", "a-3", "b"])
    }

    @Test func rawHTMLIsOmitted() {
        let document = render("<script>alert(1)</script>\n\nText with <b>bold</b> inline.\n")
        #expect(!document.html.contains("<script>"))
        #expect(!document.html.contains("<b>"))
        #expect(document.html.contains("raw HTML omitted"))
    }

    @Test func punctuationIsSmart() {
        #expect(render("\"Quoted\" -- it's\n").html.contains("“Quoted” – it’s"))
    }

    @Test func invalidUTF8IsReplacedNotPassedThrough() {
        let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0x0A]
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(render(text).html.contains("a\u{FFFD}b"))
    }

    @Test func embedCommentIsReplacedByItsHTML() {
        let document = render("Before\n\n<!-- sitegen:elements -->\n\nAfter\n") {
            $0 == "elements" ? "<ol><li>x</li></ol>" : nil
        }
        #expect(document.html.contains("<ol><li>x</li></ol>"))
        #expect(!document.html.contains("sitegen:"))
    }

    @Test func unknownEmbedIsReportedWithItsLine() {
        let document = renderer.render(
            "Text\n\n<!-- sitegen:elemnts -->\n", firstLine: 5, rewriteLink: { _ in nil }, embed: { _ in nil })
        #expect(document.unknownEmbeds.map(\.name) == ["elemnts"])
        #expect(document.unknownEmbeds.first?.line == 7)
    }

    @Test func linksAreRewrittenAndRecordedWithTheirPosition() {
        let document = renderer.render(
            "Intro\n\nGo [there](a.md) now.\n", firstLine: 10, rewriteLink: { $0 == "a.md" ? "a.html" : nil },
            embed: { _ in nil })
        #expect(document.html.contains(#"<a href="a.html">there</a>"#))
        #expect(document.links == [.init(destination: "a.md", blockLine: 12)])
    }

    @Test func linkPositionIsFoundInTheFileFromItsBlock() {
        let link = MarkdownDocument.Link(destination: "a.md", blockLine: 3)
        let file = "---\ntitle: a.md\n---\nIntro with a.md\n\nGo [there](a.md) now.\n"
        #expect(link.position(in: file) == (4, 12))
    }

    /// A page of `blocks` varied blocks (paragraphs with inline markup, code, lists, quotes, references,
    /// entities), the same for the same seed, without headings or embeds, which only sitegen's renderer changes.
    static func document(blocks: Int, seed: UInt64) -> String {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let words = [
            "thank", "*you*", "**note**", "`code`", "[link][r]", "&amp;", "\"quote\"", "it's", "---", "é", "<b>",
        ]
        var text = "[r]: https://example.com/reference\n\n"
        for _ in 0..<blocks {
            switch next(5) {
            case 0: text += "```\n" + String(repeating: "let x = 1 < 2\n", count: 1 + next(400)) + "```\n\n"
            case 1:
                text +=
                    (0..<1 + next(12)).map { "- item \($0) " + words[next(words.count)] }.joined(separator: "\n")
                    + "\n\n"
            case 2:
                text += "> " + (0..<1 + next(80)).map { _ in words[next(words.count)] }.joined(separator: " ") + "\n\n"
            default: text += (0..<1 + next(300)).map { _ in words[next(words.count)] }.joined(separator: " ") + "\n\n"
            }
        }
        return text
    }

    @Test(arguments: [1, 10, 100, 1_000, 5_000])
    func pagesOfEverySizeRenderAsLibcmarkAloneRendersThem(blocks: Int) {
        // sitegen's renderer allocates from an arena that grows in blocks; the floor's call uses malloc. Pages
        // from a few bytes to megabytes, crossing many blocks and growing buffers in and out of place, must come
        // out the same.
        for seed in 1...3 {
            let markdown = Self.document(blocks: blocks, seed: UInt64(seed * blocks))
            let bare = Array(markdown.utf8).withUnsafeBufferPointer { renderer.withBareHTML(of: $0) { Array($0) } }
            let html = render(markdown).htmlBytes
            // A Boolean and where they part, not the two arrays: a failure's message stays readable.
            let shorter = min(html.count, bare.count)
            let firstDifference = (0..<shorter).first { html[$0] != bare[$0] } ?? shorter
            let same = html == bare
            #expect(same, "\(blocks) blocks, seed \(seed): differs from byte \(firstDifference) of \(bare.count)")
        }
    }

    @Test func aPageRenderedInsideAnotherKeepsBothIntact() {
        // An embed's HTML may itself come from rendering Markdown while the outer page's tree is still in use.
        let inner = Self.document(blocks: 200, seed: 7)
        let innerHTML = render(inner).html
        let document = render("Before [a](a.md)\n\n<!-- sitegen:box -->\n\nAfter *this*\n") { _ in
            render(inner).html
        }
        #expect(document.html == "<p>Before <a href=\"a.md\">a</a></p>\n" + innerHTML + "<p>After <em>this</em></p>\n")
    }
}
