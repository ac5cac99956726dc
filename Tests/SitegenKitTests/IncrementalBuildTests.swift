import Foundation
import Testing

@_spi(Benchmark) @testable import SitegenKit

/// A build with a record of the last one renders only what changed, and writes what a clean build writes.
@Suite struct IncrementalBuildTests {
    /// A small site with what pages depend on one another through: navigation, neighbours in a folder, links to
    /// headings on other pages, an embed of a feature's data, a content asset and the theme.
    static func site() throws -> TestSite {
        let site = try TestSite()
        try site.page("index.md", title: "Home", front: "nav: 1\n", "Start with [the first](guide/a.md#intro).\n")
        try site.page("guide/index.md", title: "Guide", front: "nav: 2\n", "The guide.\n")
        for (position, name) in ["a", "b", "c", "d"].enumerated() {
            try site.page(
                "guide/\(name).md", title: "Part \(name)", front: "nav: \(position + 3)\n",
                "## Intro\n\nPart \(name). See [the next](\(name == "d" ? "a" : "b").md#intro).\n")
        }
        // Pages outside the navigation: their titles show only on their neighbours.
        for name in ["e", "f", "g"] {
            try site.page("guide/\(name).md", title: "Extra \(name)", "## Intro\n\nExtra \(name).\n")
        }
        try site.page("about.md", title: "About", "<!-- sitegen:elements -->\n\nWith a [picture](picture.txt).\n")
        try site.write("content/picture.txt", "a picture\n")
        // Previous and next links, so that neighbours show each other's titles.
        try site.write(
            "themes/default/templates/page.mustache",
            "{{<base}}{{$main}}<h1>{{page.title}}</h1>{{{page.body}}}"
                + "{{#page.previous}}<a href=\"{{href}}\">{{title}}</a>{{/page.previous}}"
                + "{{#page.next}}<a href=\"{{href}}\">{{title}}</a>{{/page.next}}{{/main}}{{/base}}")
        settle()
        return site
    }

    /// Waits long enough for the files just written to have stamps a build record trusts (`FileStamp.racyMargin`).
    static func settle() {
        Thread.sleep(forTimeInterval: 0.03)
    }

    /// Options for the incremental build into `output/`, and the clean build into `clean/` it is compared with.
    static func options(_ site: TestSite, clean: Bool = false) -> BuildOptions {
        var options = BuildOptions(
            root: site.root, output: site.root.appendingPathComponent(clean ? "clean" : "output"))
        options.clean = clean
        return options
    }

    /// The result of a build: its files, or its problems.
    static func outcome(_ options: BuildOptions, _ site: TestSite) -> Result<
        (files: [String: Data], report: BuildReport), SitegenError
    > {
        do throws(SitegenError) {
            let report = try SiteBuilder.build(options)
            return .success((try! site.snapshot(options.output), report))
        } catch {
            return .failure(error)
        }
    }

    /// One random change of the kind authors (and others) make between builds.
    static func edit(_ site: TestSite, _ random: inout SplitMix64, step: Int) throws -> String {
        let pages = FileTree.files(under: site.root.appendingPathComponent("content")).filter { $0.hasSuffix(".md") }
        let page = pages.randomElement(using: &random)!
        let text = (try? String(contentsOf: site.root.appendingPathComponent("content/" + page), encoding: .utf8)) ?? ""
        switch Int.random(in: 0..<13, using: &random) {
        case 0:
            try site.write("content/" + page, text + "\nMore words, step \(step).\n")
            return "body of \(page)"
        case 1:
            try site.write("content/" + page, text.replacingOccurrences(of: "title: ", with: "title: New "))
            return "title of \(page)"
        case 2:
            try site.write("content/" + page, text.replacingOccurrences(of: "## Intro", with: "## Opening"))
            return "heading of \(page)"
        case 3:
            let nav = text.contains("nav: ") ? "nav: 9\(step)\n" : ""
            let cut = text.components(separatedBy: "\n").filter { !$0.hasPrefix("nav: ") }.joined(separator: "\n")
            try site.write(
                "content/" + page,
                cut.replacingOccurrences(of: "---\n", with: "---\n" + nav, options: [], range: cut.range(of: "---\n")))
            return "nav of \(page)"
        case 4:
            try site.page("guide/new\(step).md", title: "New \(step)", "## Intro\n\nNew page.\n")
            return "new page guide/new\(step).md"
        case 5:
            guard page != "index.md" else { return "nothing" }
            try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/" + page))
            return "deleted \(page)"
        case 6:
            guard page != "index.md" else { return "nothing" }
            let renamed = page.replacingOccurrences(of: ".md", with: "-moved.md")
            try FileManager.default.moveItem(
                at: site.root.appendingPathComponent("content/" + page),
                to: site.root.appendingPathComponent("content/" + renamed))
            return "renamed \(page)"
        case 7:
            let template = TestSite.theme["partials/footer"]! + "<small>\(step)</small>"
            try site.write("themes/default/templates/partials/footer.mustache", template)
            return "theme template"
        case 8:
            try site.write("themes/default/assets/style.css", "body { margin: \(step)px }\n")
            return "theme asset"
        case 9:
            try site.write("content/site.yaml", "title: Test Site \(step)\nauthor: Tester\nlanguage: en\n")
            return "site.yaml"
        case 10:
            let elements = try String(
                contentsOf: site.root.appendingPathComponent("content/elements.yaml"), encoding: .utf8)
            try site.write(
                "content/elements.yaml", elements.replacingOccurrences(of: "title: Ask", with: "title: Ask \(step)"))
            return "elements.yaml"
        case 11:
            // Someone edits a built file by hand; the next build puts back what the site says.
            let built = page.replacingOccurrences(of: ".md", with: ".html")
            let url = site.root.appendingPathComponent("output/" + built)
            if FileManager.default.fileExists(atPath: url.path) { try Data("edited by hand".utf8).write(to: url) }
            return "output \(built) edited"
        default:
            try site.write("content/picture.txt", "picture \(step)\n")
            return "content asset"
        }
    }

    @Test func randomEditSequencesBuildWhatACleanBuildBuilds() throws {
        var random = SplitMix64(seed: 14)
        var partial = 0
        for sequence in 0..<50 {
            let site = try Self.site()
            defer { site.remove() }
            var steps: [String] = []
            _ = Self.outcome(Self.options(site), site)
            for step in 0..<5 {
                // A pause after the last build lets its record trust the stamps it took; a pause after the edit
                // lets this build trust the edited file's new stamp. Each comes or not at random.
                if Bool.random(using: &random) { Self.settle() }
                steps.append(try Self.edit(site, &random, step: step))
                if Bool.random(using: &random) { Self.settle() }
                let incremental = Self.outcome(Self.options(site), site)
                let clean = Self.outcome(Self.options(site, clean: true), site)
                switch (incremental, clean) {
                case (.success(let built), .success(let expected)):
                    if built.report.rendered < built.report.pages { partial += 1 }
                    #expect(built.files == expected.files, "sequence \(sequence): \(steps.joined(separator: ", "))")
                case (.failure(let built), .failure(let expected)):
                    #expect(
                        built.diagnostics.map(\.description) == expected.diagnostics.map(\.description),
                        "sequence \(sequence): \(steps.joined(separator: ", "))")
                default:
                    Issue.record("sequence \(sequence): one build failed, the other did not: \(steps)")
                }
            }
        }
        // The sequences must exercise the shortcut, not only full builds.
        #expect(partial >= 25)
    }

    @Test func nothingChangedReadsNoPageAndWritesNothing() throws {
        let site = try Self.site()
        defer { site.remove() }
        try SiteBuilder.build(Self.options(site))
        Self.settle()
        let before = try FileManager.default.attributesOfItem(
            atPath: site.output.appendingPathComponent("about.html").path)
        let report = try SiteBuilder.build(Self.options(site))
        let after = try FileManager.default.attributesOfItem(
            atPath: site.output.appendingPathComponent("about.html").path)
        #expect(report.upToDate)
        #expect(report.rendered == 0)
        #expect(report.pages == 10)
        #expect(before[.systemFileNumber] as? Int == after[.systemFileNumber] as? Int)
    }

    @Test func oneBodyEditRendersThatPageAlone() throws {
        let site = try Self.site()
        defer { site.remove() }
        try SiteBuilder.build(Self.options(site))
        Self.settle()
        try site.page("about.md", title: "About", "<!-- sitegen:elements -->\n\nOther words.\n")
        let report = try SiteBuilder.build(Self.options(site))
        #expect(report.rendered == 1)
        #expect(try site.read("about.html").contains("Other words."))
    }

    @Test func aTitleOutsideTheNavigationRendersThePageAndThePagesThatShowOrLinkToIt() throws {
        let site = try Self.site()
        defer { site.remove() }
        // Part b leaves the navigation, so it comes after d and before e, the first of the pages outside it: its
        // title shows only on their "next" and "previous" links. Parts a and c link to its heading, so they render
        // to have those links checked again.
        try site.page("guide/b.md", title: "Part b", "## Intro\n\nPart b.\n")
        Self.settle()
        try SiteBuilder.build(Self.options(site))
        Self.settle()
        try site.page("guide/b.md", title: "Part bee", "## Intro\n\nPart b.\n")
        let report = try SiteBuilder.build(Self.options(site))
        #expect(report.rendered == 5)
        #expect(try site.read("guide/d.html").contains("Part bee"))
        #expect(try site.read("guide/e.html").contains("Part bee"))
    }

    @Test func aPageLinkingToAChangedHeadingIsCheckedAgain() throws {
        let site = try Self.site()
        defer { site.remove() }
        try SiteBuilder.build(Self.options(site))
        Self.settle()
        try site.page("guide/a.md", title: "Part a", front: "nav: 3\n", "## Opening\n\nPart a.\n")
        let failure = #expect(throws: SitegenError.self) { try SiteBuilder.build(Self.options(site)) }
        #expect(failure?.diagnostics.contains { $0.message.contains("no heading with id `intro`") } == true)
    }

    @Test(arguments: ["", "sitegen build record 1\nversion\tx\n", "not a record at all\n"])
    func aMissingCutOrForeignRecordMeansAFullBuild(record: String) throws {
        let site = try Self.site()
        defer { site.remove() }
        try SiteBuilder.build(Self.options(site))
        let recordPath = site.root.appendingPathComponent(".output.sitegen-record").path
        if record.isEmpty {
            try FileManager.default.removeItem(atPath: recordPath)
        } else {
            try Data(record.utf8).write(to: URL(fileURLWithPath: recordPath))
        }
        let report = try SiteBuilder.build(Self.options(site))
        #expect(report.rendered == report.pages)
    }

    @Test func aRecordOfSomeoneElsesIsNeitherReadNorReplaced() throws {
        let site = try Self.site()
        defer { site.remove() }
        let recordPath = site.root.appendingPathComponent(".output.sitegen-record")
        try Data("my notes\n".utf8).write(to: recordPath)
        try SiteBuilder.build(Self.options(site))
        try SiteBuilder.build(Self.options(site))
        #expect(try String(contentsOf: recordPath, encoding: .utf8) == "my notes\n")
    }

    /// A build killed while writing its record leaves the half-written file; the next build that writes removes
    /// it, and keeps a file by such a name that is not a record's start.
    @Test func aHalfWrittenRecordLeftByAKilledBuildIsRemovedAndAStrangersFileKept() throws {
        let site = try Self.site()
        defer { site.remove() }
        let half = site.root.appendingPathComponent(".output.sitegen-record-new-1abc")
        let empty = site.root.appendingPathComponent(".output.sitegen-record-new-2abc")
        let strangers = site.root.appendingPathComponent(".output.sitegen-record-new-3abc")
        try Data("sitegen build record 1\nversion\t".utf8).write(to: half)
        try Data().write(to: empty)
        try Data("my notes\n".utf8).write(to: strangers)
        try SiteBuilder.build(Self.options(site))
        #expect(!FileManager.default.fileExists(atPath: half.path))
        #expect(!FileManager.default.fileExists(atPath: empty.path))
        #expect(try String(contentsOf: strangers, encoding: .utf8) == "my notes\n")
    }

    @Test func aPageWhoseFrontMatterTheRecordKnowsIsNotRead() throws {
        let site = try Self.site()
        defer { site.remove() }
        try site.page("about.md", title: "On disk")
        let recorded = PageMeta(
            title: "Recorded", description: nil, layout: "page", nav: nil, navTitle: nil, toc: nil, draft: false,
            features: [], standalone: false, date: nil)
        let content = try SiteContent.load(
            from: site.root.appendingPathComponent("content"), includeDrafts: false, known: ["about.md": recorded])
        #expect(content.pages.first { $0.route.source == "about.md" }?.meta.title == "Recorded")
        #expect(content.pages.first { $0.route.source == "index.md" }?.meta.title == "Home")
    }

    @Test func anEditToAThemeReachedThroughALinkIsSeen() throws {
        let site = try Self.site()
        defer { site.remove() }
        // The theme lives elsewhere and themes/default links to it, as when several sites share one.
        let shared = site.root.appendingPathComponent("shared-theme")
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("themes/default"), to: shared)
        try FileManager.default.createSymbolicLink(
            at: site.root.appendingPathComponent("themes/default"), withDestinationURL: shared)
        Self.settle()
        try SiteBuilder.build(Self.options(site))
        Self.settle()
        try Data(TestSite.theme["partials/footer"]!.appending("<small>shared</small>").utf8).write(
            to: shared.appendingPathComponent("templates/partials/footer.mustache"))
        let report = try SiteBuilder.build(Self.options(site))
        #expect(!report.upToDate)
        #expect(try site.read("about.html").contains("<small>shared</small>"))
    }

    @Test(arguments: ["99999999999999999999", "18446744073709551616", "9999999999999999999"])
    func aStampTooLargeToReadMeansAFullBuildNotACrash(number: String) throws {
        let site = try Self.site()
        defer { site.remove() }
        try SiteBuilder.build(Self.options(site))
        let url = site.root.appendingPathComponent(".output.sitegen-record")
        let record = try String(contentsOf: url, encoding: .utf8)
        // Every stamp's inode replaced by the number.
        let damaged = record.replacing(/\t(\d+)\.(\d+)\./) { "\t\($0.output.1).\(number)." }
        #expect(damaged != record)
        try Data(damaged.utf8).write(to: url)
        let report = try SiteBuilder.build(Self.options(site))
        #expect(report.rendered == report.pages)
    }

    @Test func aFileDatedPastTheYear2262Builds() throws {
        let site = try Self.site()
        defer { site.remove() }
        let path = site.root.appendingPathComponent("content/about.md").path
        // 2300-01-01: past what nanoseconds since 1970 can hold in 64 bits.
        var times = [timespec(tv_sec: 10_413_792_000, tv_nsec: 0), timespec(tv_sec: 10_413_792_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        try SiteBuilder.build(Self.options(site))
        #expect(try SiteBuilder.build(Self.options(site)).pages == 10)
    }

    @Test func anEditedContentAssetRendersNoPage() throws {
        let site = try Self.site()
        defer { site.remove() }
        try SiteBuilder.build(Self.options(site))
        Self.settle()
        try site.write("content/picture.txt", "another picture\n")
        let report = try SiteBuilder.build(Self.options(site))
        #expect(report.rendered == 0)
        #expect(try site.read("picture.txt") == "another picture\n")
    }

    @Test func aFileVouchedForByItsBytesIsRecordedByItsSHA256InLowercaseHex() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-hex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("abc.txt")
        try Data("abc".utf8).write(to: file)
        // FIPS 180-2's first SHA-256 example.
        #expect(
            BuildRecord.OutputStamp.digest(atPath: file.path)
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect([0x00, 0x0F, 0xA5, 0xFF].lowercaseHex == "000fa5ff")
    }

    @Test func aRecordReadForItsFrontMatterAloneKeepsStampsAndFrontMatterOnly() throws {
        let site = try Self.site()
        defer { site.remove() }
        try SiteBuilder.build(Self.options(site))
        let bytes = Array(try Data(contentsOf: site.root.appendingPathComponent(".output.sitegen-record")))
        let whole = try #require(BuildRecord(text: bytes))
        let light = try #require(BuildRecord(text: bytes, frontMatterOnly: true))
        #expect(!whole.outputs.isEmpty && light.outputs.isEmpty)
        #expect(whole.siteKey != nil && light.siteKey == nil)
        #expect(Set(light.pages.keys) == Set(whole.pages.keys))
        for (source, page) in whole.pages {
            let kept = try #require(light.pages[source])
            #expect(kept.stamp == page.stamp && kept.stamp != nil)
            #expect(kept.meta?.title == page.meta?.title && kept.meta?.description == page.meta?.description)
            #expect(kept.key.isEmpty && kept.line.isEmpty && kept.linksTo.isEmpty)
        }
    }

    @Test func cleanRendersEveryPage() throws {
        let site = try Self.site()
        defer { site.remove() }
        var options = Self.options(site)
        try SiteBuilder.build(options)
        options.clean = true
        #expect(try SiteBuilder.build(options).rendered == 10)
    }
}
