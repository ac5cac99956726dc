import Foundation

/// A page's front matter, decoded and checked.
struct PageMeta: Sendable {
    /// The page title (required).
    var title: String
    /// One sentence for the description meta tag and page lists.
    var description: String?
    /// The theme template that renders the page.
    var layout: String
    /// Position in the site navigation; pages without it are not listed there.
    var nav: Int?
    /// Short label for the navigation; defaults to the title.
    var navTitle: String?
    /// Forces the table of contents on or off; by default long pages get one.
    var toc: Bool?
    /// Left out of the build unless drafts are asked for.
    var draft: Bool
    /// What each feature decoded from the keys it owns, in `FeatureSet` order.
    var features: [(any FeaturePageData)?]

    /// What the feature at `position` decoded, if any (a page decoded without features has none).
    func feature(_ position: Int) -> (any FeaturePageData)? {
        features.indices.contains(position) ? features[position] : nil
    }
    /// A page that works on its own: its style and script are inlined, features may embed their data, and a
    /// Content-Security-Policy forbids every request.
    var standalone: Bool
    /// Publication date, `YYYY-MM-DD`; dated pages go into the Atom feed.
    var date: String?

    /// Every key the engine itself reads; features add their own (`FeatureSet.frontMatterKeys`).
    static let keys = [
        "title", "description", "layout", "nav", "nav_title", "toc", "draft", "standalone", "date",
    ]

    /// The layout pages get when they name none.
    static let defaultLayout = "page"
}

extension PageMeta {
    /// Whether the two differ in anything other pages show: navigation, what features list or embed,
    /// previous/next links, the sitemap and feed. When they do not, a changed page can be re-rendered alone.
    func sharesEverythingOthersShow(with other: PageMeta) -> Bool {
        title == other.title && navTitle == other.navTitle && nav == other.nav && description == other.description
            && draft == other.draft && date == other.date && sameFeatureData(features, other.features)
    }

    /// Whether the two are the same in every field but the title and the features' data.
    func sameButTitle(as other: PageMeta) -> Bool {
        description == other.description && layout == other.layout && nav == other.nav && navTitle == other.navTitle
            && toc == other.toc && draft == other.draft && standalone == other.standalone && date == other.date
    }

    /// A `YYYY-MM-DD` date (RFC 3339's full-date, which Atom and sitemaps use): four, two and two ASCII digits,
    /// a month from 01 to 12 and a day that month has, leap years included.
    static func date(_ value: YAMLValue) throws(SitegenError) -> String {
        let text = try value.string(what: "`date`")
        guard Self.isDay(text) else {
            throw SitegenError(
                value.error(
                    "`date` must be a real day written as YYYY-MM-DD, not `\(text)`",
                    hint: "for example `date: 2026-11-26`"
                ))
        }
        return text
    }

    /// Whether `text` is exactly `YYYY-MM-DD` and a real day.
    static func isDay(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy({ isDigit(bytes[$0]) })
        else { return false }
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(bytes[$1] - UInt8(ascii: "0")) } }
        let (year, month, day) = (number(0..<4), number(5..<7), number(8..<10))
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...12).contains(month) && (1...days[month - 1]).contains(day)
    }

    /// Decodes front matter; the keys features own go to `features` (`checkedBefore`: see `SiteFeature.decodePage`).
    static func decode(
        _ front: FrontMatter, in file: SourceFile, features: FeatureSet, checkedBefore: Bool = false
    ) throws(SitegenError) -> PageMeta {
        let root = try YAMLValue.parse(front.yaml, in: file, firstLine: front.yamlFirstLine)
        let keys = try root.mapping(allowedKeys: Self.keys + FeatureSet.frontMatterKeys, what: "front matter")
        guard let title = keys["title"] else {
            throw SitegenError(
                file.diagnostic(
                    line: 1, column: 1, "this page has no `title`", hint: "add `title: ...` to its front matter"))
        }
        return PageMeta(
            title: try title.nonEmptyString(what: "`title`"),
            description: try keys["description"]?.string(what: "`description`"),
            layout: try keys["layout"]?.nonEmptyString(what: "`layout`") ?? defaultLayout,
            nav: try keys["nav"]?.int(what: "`nav`"),
            navTitle: try keys["nav_title"]?.nonEmptyString(what: "`nav_title`"),
            toc: try keys["toc"]?.bool(what: "`toc`"),
            draft: try keys["draft"]?.bool(what: "`draft`") ?? false,
            features: try features.decodePage(keys, in: file, checkedBefore: checkedBefore),
            standalone: try keys["standalone"]?.bool(what: "`standalone`") ?? false,
            date: try keys["date"].map(Self.date)
        )
    }
}
