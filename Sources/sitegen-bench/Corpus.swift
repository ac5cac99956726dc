import Foundation

/// A deterministic synthetic site: pages of about 770 words with front matter, headings, lists, emphasis, a
/// blockquote and links to other pages, 100 pages to a folder.
struct Corpus {
    let pages: Int

    /// Source path of page `i`, relative to `content/`.
    func path(_ i: Int) -> String {
        "section-\(i / 100)/page-\(i).md"
    }

    /// Writes the site (settings, pages, and a copy of `theme`) under `root`, and the same pages as a Hugo site
    /// under `hugoRoot` when given.
    func write(to root: URL, theme: URL, hugoRoot: URL?) throws {
        let fileManager = FileManager.default
        try? fileManager.removeItem(at: root)
        try fileManager.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        try Data("title: Benchmark\ndescription: A synthetic site.\nauthor: sitegen-bench\n".utf8)
            .write(to: root.appendingPathComponent("content/site.yaml"))
        try fileManager.createDirectory(at: root.appendingPathComponent("themes"), withIntermediateDirectories: true)
        try fileManager.copyItem(at: theme, to: root.appendingPathComponent("themes/default"))
        if let hugoRoot {
            try? fileManager.removeItem(at: hugoRoot)
            try fileManager.createDirectory(
                at: hugoRoot.appendingPathComponent("layouts/_default"), withIntermediateDirectories: true)
            try Data(
                "baseURL = '/'\ntitle = 'Benchmark'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap']\nuglyURLs = true\n"
                    .utf8
            )
            .write(to: hugoRoot.appendingPathComponent("hugo.toml"))
            let layout =
                "<!DOCTYPE html><html lang=\"en\"><head><title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>\n"
            for name in ["single.html", "list.html"] {
                try Data(layout.utf8).write(to: hugoRoot.appendingPathComponent("layouts/_default/\(name)"))
            }
        }
        for i in 0..<pages {
            let text = page(i)
            let url = root.appendingPathComponent("content/" + path(i))
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            if let hugoRoot {
                // Hugo resolves plain relative links itself only via shortcodes; point links at its output names.
                let hugoText = text.replacingOccurrences(of: ".md", with: ".html")
                let hugoURL = hugoRoot.appendingPathComponent("content/" + path(i))
                try fileManager.createDirectory(
                    at: hugoURL.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(hugoText.utf8).write(to: hugoURL)
            }
        }
    }

    /// The text of page `i`.
    func page(_ i: Int) -> String {
        var random = Random(seed: UInt64(i) &* 2_654_435_761 &+ 1)
        var text = "---\ntitle: \"Page \(i): \(random.words(3).capitalized)\"\n"
        text += "description: \"\(random.sentence(12))\"\n---\n\n"
        text += random.paragraph(60) + "\n\n"
        for section in 1...5 {
            text += "## Section \(section): \(random.words(3))\n\n"
            text += random.paragraph(70, link: link(from: i, random: &random)) + "\n\n"
            switch section {
            case 2:
                for _ in 0..<4 { text += "- \(random.sentence(8)) \(link(from: i, random: &random))\n" }
                text += "\n"
            case 3:
                text += "> \(random.sentence(25))\n\n"
            case 4:
                text += "### Details\n\n" + random.paragraph(40) + "\n\n"
            default:
                text += random.paragraph(50) + "\n\n"
            }
        }
        return text
    }

    private func link(from i: Int, random: inout Random) -> String {
        let target = Int(random.next() % UInt64(pages))
        let relative = RelativeLink.from(path(i), to: path(target))
        return "[\(random.words(2))](\(relative))"
    }
}

/// Relative source paths between corpus pages.
enum RelativeLink {
    static func from(_ a: String, to b: String) -> String {
        let folderA = a.split(separator: "/").dropLast()
        let partsB = b.split(separator: "/")
        if Array(folderA) == Array(partsB.dropLast()) { return String(partsB.last!) }
        return String(repeating: "../", count: folderA.count) + b
    }
}

/// A small deterministic generator (64-bit LCG) of words and sentences.
struct Random {
    private var state: UInt64
    static let vocabulary = """
        note thank interview role team offer hiring manager recruiter panel company letter kind clear brief sincere
        positive future position search decision process courtesy time meeting learn culture people project plan
        growth skill value goal remember contact chance door open warm honest simple careful thoughtful quick
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }

    mutating func words(_ count: Int) -> String {
        (0..<count).map { _ in Self.vocabulary[Int(next() % UInt64(Self.vocabulary.count))] }.joined(separator: " ")
    }

    mutating func sentence(_ count: Int) -> String {
        let body = words(count)
        return body.prefix(1).uppercased() + body.dropFirst() + "."
    }

    mutating func paragraph(_ count: Int, link: String? = nil) -> String {
        var sentences: [String] = []
        var remaining = count
        while remaining > 0 {
            let length = min(remaining, 8 + Int(next() % 8))
            var sentence = sentence(length)
            if next() % 4 == 0 { sentence = "*" + sentence.dropLast() + "*." }
            if next() % 6 == 0 { sentence = "**" + sentence.dropLast() + "**." }
            sentences.append(sentence)
            remaining -= length
        }
        if let link { sentences.insert("See \(link).", at: sentences.count / 2) }
        return sentences.joined(separator: " ")
    }
}
