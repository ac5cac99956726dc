import Foundation

/// The files a site needs besides its pages: `robots.txt` always; a sitemap and an Atom feed only when the site
/// has a public `url`, since both standards demand absolute URLs.
struct SiteFiles {
    let index: SiteIndex
    let pages: [PageSource]

    /// The page hosts show for a missing URL; it is left out of the sitemap and of previous/next links.
    static let notFoundPage = "404.html"

    var baseURL: String? { index.baseURL }

    func files() -> [OutputFile] {
        var files = [OutputFile(path: "robots.txt", contents: .bytes(Array(robots().utf8)))]
        if let baseURL {
            files.append(OutputFile(path: "sitemap.xml", contents: .bytes(Array(sitemap(baseURL).utf8))))
            if let feed = feed(baseURL) {
                files.append(OutputFile(path: "feed.xml", contents: .bytes(Array(feed.utf8))))
            }
        }
        return files
    }

    /// What the author should know about files left out.
    func notes() -> [String] {
        guard let baseURL else {
            return [
                "sitemap.xml, feed.xml and canonical/Open Graph tags skipped: they need absolute URLs, and content/site.yaml has no `url`"
            ]
        }
        return feed(baseURL) == nil ? ["feed.xml skipped: no page has a `date`"] : []
    }

    func robots() -> String {
        "User-agent: *\nAllow: /\n" + (baseURL.map { "Sitemap: \($0)sitemap.xml\n" } ?? "")
    }

    func sitemap(_ baseURL: String) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages where page.route.output != Self.notFoundPage {
            xml += "  <url><loc>\(Self.escape(baseURL + RelativePath.percentEncoded(page.route.output)))</loc>"
            if let date = page.meta.date { xml += "<lastmod>\(date)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    /// An Atom feed of the dated pages, newest first; nil when no page has a date, since Atom requires one.
    func feed(_ baseURL: String) -> String? {
        let dated = pages.filter { $0.meta.date != nil }
            .sorted { ($0.meta.date!, $1.route.output) > ($1.meta.date!, $0.route.output) }
        guard let newest = dated.first?.meta.date else { return nil }
        let config = index.config
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        xml += "  <title>\(Self.escape(config.title))</title>\n"
        xml += "  <id>\(Self.escape(baseURL))</id>\n"
        xml += "  <link href=\"\(Self.escape(baseURL))\"/>\n"
        xml += "  <link rel=\"self\" href=\"\(Self.escape(baseURL + "feed.xml"))\"/>\n"
        xml += "  <updated>\(newest)T00:00:00Z</updated>\n"
        // RFC 4287 requires an author for a feed whose entries name none: the site's own name when it has no author.
        let author = config.author.isEmpty ? config.title : config.author
        xml += "  <author><name>\(Self.escape(author))</name></author>\n"
        for page in dated {
            let url = Self.escape(baseURL + RelativePath.percentEncoded(page.route.output))
            xml += "  <entry>\n    <title>\(Self.escape(page.meta.title))</title>\n"
            xml += "    <id>\(url)</id>\n    <link href=\"\(url)\"/>\n"
            xml += "    <updated>\(page.meta.date!)T00:00:00Z</updated>\n"
            if let summary = page.meta.description { xml += "    <summary>\(Self.escape(summary))</summary>\n" }
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
