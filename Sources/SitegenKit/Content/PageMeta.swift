import Foundation

/// A page's front matter, decoded and checked.
public struct PageMeta: Sendable {
    /// The page title (required).
    public var title: String
    /// One sentence for the description meta tag and page lists.
    public var description: String?
    /// The theme template that renders the page.
    public var layout: String
    /// Position in the site navigation; pages without it are not listed there.
    public var nav: Int?
    /// Short label for the navigation; defaults to the title.
    public var navTitle: String?
    /// Forces the table of contents on or off; by default long pages get one.
    public var toc: Bool?
    /// Left out of the build unless drafts are asked for.
    public var draft: Bool
    /// What each feature decoded from the keys it owns, in `FeatureSet` order.
    var features: [(any FeaturePageData)?]

    /// What the feature at `position` decoded, if any (a page decoded without features has none).
    func feature(_ position: Int) -> (any FeaturePageData)? {
        features.indices.contains(position) ? features[position] : nil
    }
    /// A page that works on its own: its style and script are inlined, features may embed their data, and a
    /// Content-Security-Policy forbids every request.
    public var standalone: Bool
    /// Publication date, `YYYY-MM-DD`; dated pages go into the Atom feed.
    public var date: String?

    /// Every key the engine itself reads; features add their own (`FeatureSet.frontMatterKeys`).
    public static let keys = [
        "title", "description", "layout", "nav", "nav_title", "toc", "draft", "standalone", "date",
    ]

    /// The layout pages get when they name none.
    public static let defaultLayout = "page"
}

extension PageMeta {
    /// Whether the two differ in anything other pages show: navigation, what features list or embed,
    /// previous/next links, the sitemap and feed. When they do not, a changed page can be re-rendered alone.
    func sharesEverythingOthersShow(with other: PageMeta) -> Bool {
        title == other.title && navTitle == other.navTitle && nav == other.nav && description == other.description
            && draft == other.draft && date == other.date && sameFeatureData(features, other.features)
    }

    /// A `YYYY-MM-DD` date, checked for shape and for being a real day.
    static func date(_ value: YAMLValue) throws(Diagnostic) -> String {
        let text = try value.string(what: "`date`")
        let parts = text.split(separator: "-").compactMap { Int($0) }
        let shape = text.count == 10 && parts.count == 3 && text.allSatisfy { $0.isNumber || $0 == "-" }
        var components = DateComponents()
        if shape { (components.year, components.month, components.day) = (parts[0], parts[1], parts[2]) }
        guard shape,
            Calendar(identifier: .gregorian).date(from: components).map({ _ in
                components.isValidDate(in: Calendar(identifier: .gregorian))
            }) == true
        else {
            throw value.error("`date` must be a day written as YYYY-MM-DD", hint: "for example `date: 2026-11-26`")
        }
        return text
    }

    /// Decodes front matter; the keys features own go to `features`.
    static func decode(_ front: FrontMatter, in file: SourceFile, features: FeatureSet) throws(Diagnostic) -> PageMeta {
        let root = try YAMLValue.parse(front.yaml, in: file, firstLine: front.yamlFirstLine)
        let keys = try root.mapping(allowedKeys: Self.keys + FeatureSet.frontMatterKeys, what: "front matter")
        guard let title = keys["title"] else {
            throw file.diagnostic(
                line: 1, column: 1, "this page has no `title`", hint: "add `title: ...` to its front matter")
        }
        return PageMeta(
            title: try title.nonEmptyString(what: "`title`"),
            description: try keys["description"]?.string(what: "`description`"),
            layout: try keys["layout"]?.nonEmptyString(what: "`layout`") ?? defaultLayout,
            nav: try keys["nav"]?.int(what: "`nav`"),
            navTitle: try keys["nav_title"]?.nonEmptyString(what: "`nav_title`"),
            toc: try keys["toc"]?.bool(what: "`toc`"),
            draft: try keys["draft"]?.bool(what: "`draft`") ?? false,
            features: try features.decodePage(keys, in: file),
            standalone: try keys["standalone"]?.bool(what: "`standalone`") ?? false,
            date: try keys["date"].map(Self.date)
        )
    }
}
