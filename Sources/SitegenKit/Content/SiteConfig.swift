/// Site-wide settings, read from `content/site.yaml`.
struct SiteConfig: Sendable, Equatable {
    /// The site's name, shown in every page's title and header.
    var title: String
    /// One sentence about the site, the fallback page description.
    var description: String
    /// Who wrote the site; shown in the footer and the author meta tag.
    var author: String
    /// BCP 47 language tag for `<html lang>`.
    var language: String
    /// The folder under `themes/` to render with.
    var theme: String
    /// The public address the site is served from, if it has one; only standards that demand absolute URLs use it.
    var url: String?

    /// The file name, inside `content/`, that holds the settings.
    static let fileName = "site.yaml"
    static let keys = ["title", "description", "author", "language", "theme", "url"]

    /// Decodes the settings file.
    static func decode(_ file: SourceFile) throws(SitegenError) -> SiteConfig {
        let root = try YAMLValue.parse(file.text, in: file, firstLine: 1)
        let fields = try root.mapping(allowedKeys: keys, what: "the site settings")
        guard let title = fields["title"] else {
            throw SitegenError(
                file.diagnostic(
                    line: 1, column: 1, "the site settings have no `title`", hint: "add a line `title: My site`"))
        }
        let url = try fields["url"]?.nonEmptyString(what: "`url`")
        if let url, let node = fields["url"], !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            throw SitegenError(
                node.error(
                    "`url` must start with https:// or http://",
                    hint: "write the full public address, e.g. https://example.org/guide/"))
        }
        let theme = try fields["theme"]?.nonEmptyString(what: "`theme`") ?? "default"
        // A theme is a folder directly inside themes/: `../..` or an absolute path would load templates from
        // anywhere on the machine.
        if let node = fields["theme"],
            theme.contains("/") || theme.contains("\\") || theme.hasPrefix(".")
                || theme.utf8.contains(where: { $0 < 0x20 })
        {
            throw SitegenError(
                node.error(
                    "`theme` must be the name of a folder inside themes/, not a path",
                    hint: "for example `theme: default` for themes/default/"))
        }
        return SiteConfig(
            title: try title.nonEmptyString(what: "`title`"),
            description: try fields["description"]?.string(what: "`description`") ?? "",
            author: try fields["author"]?.string(what: "`author`") ?? "",
            language: try fields["language"]?.nonEmptyString(what: "`language`") ?? "en",
            theme: theme,
            url: url
        )
    }
}
