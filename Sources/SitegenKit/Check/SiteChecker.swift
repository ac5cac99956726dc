import Foundation

/// Checks a built site as a static host would serve it, reading the files on disk.
///
/// It reports every problem rather than the first: internal links and `#anchors` that lead nowhere, URLs that
/// leave the site folder or name a folder instead of a file, root-relative URLs (they break under a sub-path and
/// from disk), pages that load anything from another host, `javascript:` URLs, and pages without a `<title>`,
/// an `<html lang>` or a description. Links to other sites in `<a href>` are fine: the reader chooses to follow them.
public struct SiteChecker: Sendable {
    /// What a check looked at and what it found.
    public struct Report: Sendable {
        /// HTML pages checked.
        public let pages: Int
        /// URLs checked, in pages and style sheets.
        public let links: Int
        /// Every problem, by file and then by position in the file.
        public let problems: [Diagnostic]

        /// One line for the terminal: `checked 10 pages, 214 links: no problems` or `3 problems in 2 pages`.
        public var summary: String {
            guard !problems.isEmpty else {
                return "checked \(Self.count(pages, "page")), \(Self.count(links, "link")): no problems"
            }
            return Self.summary(of: problems)
        }

        /// The failure line for `problems` alone, `3 problems in 2 pages`, for a caller left with only those.
        public static func summary(of problems: [Diagnostic]) -> String {
            let pages = Set(problems.map(\.location.file)).count
            return "\(count(problems.count, "problem")) in \(count(pages, "page"))"
        }

        private static func count(_ number: Int, _ noun: String) -> String {
            "\(number) \(noun)\(number == 1 ? "" : "s")"
        }
    }

    /// The folder holding the built site.
    public var directory: URL
    /// How the folder is named in messages, e.g. `output`: problems are reported as `output/notes/a.html:12:5`.
    public var displayPath: String

    /// Creates a checker for the site in `directory`; `displayPath` defaults to the folder's full path.
    public init(directory: URL, displayPath: String? = nil) {
        self.directory = directory.standardizedFileURL
        self.displayPath = displayPath ?? self.directory.path
    }

    /// Checks every page and style sheet in the folder. Problems in the site are in the report; the only error
    /// thrown is for a folder that does not exist or cannot be read.
    public func check() throws(SitegenError) -> Report {
        let inventory = try Inventory(directory, display: displayRoot)
        var problems: [String: [Diagnostic]] = [:]
        var scanned: [String: ScannedFile] = [:]
        for path in inventory.checkedFiles {
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(path).path) else {
                problems[path] = [wholeFile(path, "cannot read this file", hint: "check its permissions")]
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                problems[path] = [wholeFile(path, "this file is not valid UTF-8", hint: "save it as UTF-8")]
                continue
            }
            scanned[path] = Self.isPage(path) ? scanPage(path, text) : scanStyleSheet(path, text)
        }

        var links = 0
        var all: [Diagnostic] = []
        for path in inventory.checkedFiles {
            var found = problems[path] ?? []
            if let file = scanned[path] {
                found += file.problems
                for reference in file.references {
                    links += 1
                    if let problem = problem(with: reference, in: file, scanned: scanned, inventory: inventory) {
                        found.append(diagnostic(file, reference, problem.message, hint: problem.hint))
                    }
                }
            }
            // Whole-file problems first, then in reading order; ties keep the order they were found in.
            all += found.enumerated()
                .sorted {
                    ($0.element.location.line, $0.element.location.column, $0.offset)
                        < ($1.element.location.line, $1.element.location.column, $1.offset)
                }
                .map(\.element)
        }
        return Report(pages: inventory.checkedFiles.filter(Self.isPage).count, links: links, problems: all)
    }

    // MARK: Scanning

    /// What the checks need from one file: its anchors, the URLs it refers to, and its own problems.
    private struct ScannedFile {
        var path: String
        var isPage: Bool
        var lines: HTMLScanner.LineIndex
        var anchors: Set<String> = []
        /// The page's first `<base href>`, against which its relative URLs resolve.
        var base: String?
        var references: [Reference] = []
        var problems: [Diagnostic] = []
    }

    private func scanPage(_ path: String, _ text: String) -> ScannedFile {
        var file = ScannedFile(path: path, isPage: true, lines: HTMLScanner.LineIndex(Array(text.utf8)))
        var html: HTMLScanner.Tag?
        var title: (tag: HTMLScanner.Tag, text: String)?
        var descriptions: [HTMLScanner.Tag] = []
        var foreignDepth = 0  // inside <svg> or <math>, a <title> names a drawing, not the page
        let tokens = HTMLScanner.tokens(in: text)
        for (index, token) in tokens.enumerated() {
            switch token {
            case .start(let tag):
                if let id = tag["id"], !id.isEmpty { file.anchors.insert(id) }
                if tag.name == "a", let name = tag["name"], !name.isEmpty { file.anchors.insert(name) }
                if tag.name == "base", file.base == nil, let href = tag["href"] { file.base = Self.cleaned(href) }
                file.references += Self.references(in: tag)
                var contents: (text: String, offset: Int)?
                if index + 1 < tokens.count, case .text(let text, _, _, let offset) = tokens[index + 1] {
                    contents = (text, offset)
                }
                if tag.name == "style", let contents {
                    for (url, offset) in Self.cssURLs(in: contents.text) {
                        let position = file.lines.position(of: contents.offset + offset)
                        file.references.append(
                            Reference(url: url, kind: .resource, line: position.line, column: position.column))
                    }
                }
                switch tag.name {
                case "svg", "math":
                    if !tag.isSelfClosing { foreignDepth += 1 }
                case "html" where html == nil:
                    html = tag
                case "title" where title == nil && foreignDepth == 0:
                    title = (tag, contents?.text ?? "")
                case "meta" where tag["name"]?.trimmed.lowercased() == "description":
                    descriptions.append(tag)
                default:
                    break
                }
            case .end(let name, _, _):
                if name == "svg" || name == "math" { foreignDepth = max(0, foreignDepth - 1) }
            case .text:
                break
            }
        }
        file.problems = metadataProblems(file, html: html, title: title, descriptions: descriptions)
        return file
    }

    /// The page-wide requirements: a language, a title and a description.
    private func metadataProblems(
        _ file: ScannedFile, html: HTMLScanner.Tag?, title: (tag: HTMLScanner.Tag, text: String)?,
        descriptions: [HTMLScanner.Tag]
    ) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let langHint = "give the page its language, e.g. <html lang=\"en\">, so screen readers and translators know it"
        if let html {
            if let lang = html.attribute("lang") {
                if lang.value.trimmed.isEmpty {
                    problems.append(
                        diagnostic(file, line: lang.line, column: lang.column, "empty <html lang>", hint: langHint))
                }
            } else {
                problems.append(
                    diagnostic(file, line: html.line, column: html.column, "missing <html lang>", hint: langHint))
            }
        } else {
            problems.append(wholeFile(file.path, "missing <html lang>", hint: langHint))
        }
        let titleHint = "give every page a <title> in its <head>: it names the tab, bookmarks and search results"
        if let title {
            if title.text.trimmed.isEmpty {
                problems.append(
                    diagnostic(file, line: title.tag.line, column: title.tag.column, "empty <title>", hint: titleHint))
            }
        } else {
            problems.append(wholeFile(file.path, "missing <title>", hint: titleHint))
        }
        let descriptionHint =
            "add <meta name=\"description\" content=\"…\"> with one sentence saying what the page is for"
        if descriptions.isEmpty {
            problems.append(wholeFile(file.path, "missing <meta name=\"description\">", hint: descriptionHint))
        } else if !descriptions.contains(where: { !($0["content"] ?? "").trimmed.isEmpty }) {
            let tag = descriptions[0]
            let position = tag.attribute("content").map { ($0.line, $0.column) } ?? (tag.line, tag.column)
            problems.append(
                diagnostic(
                    file, line: position.0, column: position.1, "empty <meta name=\"description\">",
                    hint: descriptionHint))
        }
        return problems
    }

    private func scanStyleSheet(_ path: String, _ text: String) -> ScannedFile {
        var file = ScannedFile(path: path, isPage: false, lines: HTMLScanner.LineIndex(Array(text.utf8)))
        for (url, offset) in Self.cssURLs(in: text) {
            let position = file.lines.position(of: offset)
            file.references.append(Reference(url: url, kind: .resource, line: position.line, column: position.column))
        }
        return file
    }

    // MARK: Checking one URL

    /// What is wrong with one URL, if anything.
    private func problem(
        with reference: Reference, in file: ScannedFile, scanned: [String: ScannedFile], inventory: Inventory
    ) -> (message: String, hint: String)? {
        let written = reference.url
        let quoted = "\"\(written)\""
        let url = Self.effectiveURL(written, base: file.base)
        guard !url.isEmpty else { return nil }
        let anywhere = "it must work from any folder, any URL sub-path, and from disk"

        if let scheme = Self.scheme(of: url) {
            switch scheme {
            case "data", "blob":
                return nil
            case "javascript":
                return (
                    "javascript: URL \(quoted)",
                    "a link should lead somewhere; use a <button> with a script for actions"
                )
            case "file":
                return (
                    "file: URL \(quoted)",
                    "it points at a file on one computer; copy the file into the site and use a page-relative URL"
                )
            default:
                guard reference.kind == .resource else { return nil }  // https:, mailto:, tel: links and the like
                guard ["http", "https", "ws", "wss", "ftp"].contains(scheme) else {
                    return (
                        "unsupported URL \(quoted)", "a page may load only files from the site folder, or data: URLs"
                    )
                }
                return ("request to another host \(quoted)", Self.remoteHint)
            }
        }
        if url.hasPrefix("//") {
            if reference.kind == .resource {
                return ("request to another host \(quoted)", Self.remoteHint)
            }
            return (
                "protocol-relative link \(quoted)",
                "opened from disk it would point at a file; write the scheme: \"https:\(url)\""
            )
        }
        if url.hasPrefix("/") {
            return (
                "root-relative URL \(quoted)",
                "\(anywhere); write it relative to this page: \"\(Self.pageRelative(url, from: file.path))\""
            )
        }

        let decoded: String
        let target: String
        let fragment: String?
        switch Self.destination(of: url, from: file.path) {
        case .malformed:
            return ("malformed percent-encoding in \(quoted)", "write a literal % as %25")
        case .thisPage(let anchor):
            guard file.isPage, let anchor else { return nil }
            return missingAnchor(anchor, in: file, written: quoted, on: "this page")
        case .outside:
            return (
                "link leaves the site folder \(quoted)",
                "it climbs above \(displayRoot.isEmpty ? "the site folder" : displayRoot + "/") with ../; \(anywhere), "
                    + "so keep what it links to inside the site folder"
            )
        case .file(let path, let written, let anchor):
            (target, decoded, fragment) = (path, written, anchor)
        }
        let lastSegment = decoded.split(separator: "/", omittingEmptySubsequences: false).last
        if decoded.hasSuffix("/") || lastSegment == "." || lastSegment == ".." || target.isEmpty
            || inventory.folders.contains(target)
        {
            let index = target.isEmpty ? "index.html" : target + "/index.html"
            // Suggested URLs are written relative to the page, so none is given under a `<base href>`.
            let suggestion =
                inventory.files.contains(index) && file.base == nil
                ? ": link to \"\(RelativePath.href(from: file.path, to: index))\"" : ""
            return (
                "link to a folder \(quoted)",
                "a URL must name a file, because only a server that serves index files can open a folder\(suggestion)"
            )
        }
        guard inventory.files.contains(target) else {
            var hint = "there is no file \(displayRoot.isEmpty ? "" : displayRoot + "/")\(target)"
            if file.base == nil, let close = Suggestion.closest(to: target, among: inventory.files.sorted()) {
                hint += "; did you mean \"\(RelativePath.href(from: file.path, to: close))\"?"
            } else {
                hint += "; fix the URL or add the file"
            }
            return ("broken link \(quoted)", hint)
        }
        guard let fragment, let page = scanned[target], page.isPage else { return nil }
        return missingAnchor(fragment, in: page, written: quoted, on: display(page.path))
    }

    private static let remoteHint =
        "copy the file into the site and refer to it with a page-relative URL: a page must load nothing from "
        + "elsewhere (plain <a href> links to other sites are fine)"

    /// The problem with `#fragment` on `page`, if it names no element there.
    private func missingAnchor(
        _ fragment: String, in page: ScannedFile, written: String, on pageName: String
    ) -> (message: String, hint: String)? {
        let decoded = fragment.removingPercentEncoding ?? fragment
        // `#` alone and `#top` scroll to the top of any page; `#:~:text=` is a text fragment, not an element.
        if decoded.isEmpty || decoded.lowercased() == "top" || fragment.hasPrefix(":~:") { return nil }
        if page.anchors.contains(decoded) || page.anchors.contains(fragment) { return nil }
        var hint = "\(pageName) has no element with id \"\(decoded)\""
        if let close = Suggestion.closest(to: decoded, among: page.anchors.sorted()) {
            hint += "; did you mean \"#\(close)\"?"
        } else {
            hint += "; add the id to the element the link should lead to, or fix the link"
        }
        return ("missing anchor \(written)", hint)
    }

    /// Where a URL with neither a scheme nor a leading `/` leads, from the page at `page`.
    enum Destination: Equatable {
        /// This page, or a place on it.
        case thisPage(fragment: String?)
        /// A file or folder of the site, by its path in the site, with the URL's path as decoded.
        case file(path: String, decoded: String, fragment: String?)
        /// Above the site folder.
        case outside
        /// Percent-encoding that does not decode.
        case malformed
    }

    static func destination(of url: String, from page: String) -> Destination {
        let (beforeFragment, fragment) = split(url, at: "#")
        let path = split(beforeFragment, at: "?").0  // a static host ignores the query
        guard let decoded = path.removingPercentEncoding else { return .malformed }
        if decoded.isEmpty { return .thisPage(fragment: fragment) }
        guard let target = RelativePath.resolve(decoded, against: page) else { return .outside }
        return .file(path: target, decoded: decoded, fragment: fragment)
    }

    /// Where each reference of every page leads inside the site, as `path` or `path#fragment` (the fragment as
    /// written), by page: what a browser would request, for comparing with another HTML parser.
    func siteTargets() throws(SitegenError) -> [String: Set<String>] {
        let inventory = try Inventory(directory, display: displayRoot)
        var targets: [String: Set<String>] = [:]
        for path in inventory.checkedFiles where Self.isPage(path) {
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(path).path),
                let text = String(data: data, encoding: .utf8)
            else { continue }
            let file = scanPage(path, text)
            var found: Set<String> = []
            for reference in file.references {
                let url = Self.effectiveURL(reference.url, base: file.base)
                guard Self.scheme(of: url) == nil, !url.hasPrefix("/") else { continue }
                switch Self.destination(of: url, from: path) {
                case .thisPage(let fragment): found.insert(path + (fragment.map { "#" + $0 } ?? ""))
                case .file(let target, _, let fragment): found.insert(target + (fragment.map { "#" + $0 } ?? ""))
                case .outside, .malformed: break
                }
            }
            targets[path] = found
        }
        return targets
    }

    /// A URL as browsers read it: surrounding whitespace ignored, tabs and line breaks dropped, `\` read as `/`.
    private static func cleaned(_ written: String) -> String {
        // The URL standard trims C0 controls and spaces only: a no-break space stays, and is requested.
        let isTrimmed = { (scalar: Unicode.Scalar) in scalar.value <= 0x20 }
        let scalars = written.unicodeScalars
        let start = scalars.firstIndex { !isTrimmed($0) } ?? scalars.endIndex
        let end = scalars.lastIndex { !isTrimmed($0) }.map(scalars.index(after:)) ?? start
        return String(String.UnicodeScalarView(scalars[start..<max(start, end)]))
            .filter { $0 != "\t" && $0 != "\n" && $0 != "\r" && $0 != "\r\n" }
            .replacingOccurrences(of: "\\", with: "/")
    }

    /// The URL a browser follows for `written` on a page with `base` (its first `<base href>`, if any).
    private static func effectiveURL(_ written: String, base: String?) -> String {
        let url = cleaned(written)
        return base.map { joined(url, onto: $0) } ?? url
    }

    /// `url` resolved against the page's `<base href>`, written so that the usual checks apply: relative to the
    /// page when the base is (the base itself is relative to the page), else as absolute as the base.
    private static func joined(_ url: String, onto base: String) -> String {
        if scheme(of: url) != nil || url.hasPrefix("/") { return url }
        if scheme(of: base) != nil {
            return URL(string: url, relativeTo: URL(string: base))?.absoluteString ?? url
        }
        var baseDocument = split(split(base, at: "#").0, at: "?").0
        // A base that ends in `.` or `..` names a folder, as if it ended in `/`.
        if baseDocument == "." || baseDocument == ".." || baseDocument.hasSuffix("/.") || baseDocument.hasSuffix("/..")
        {
            baseDocument += "/"
        }
        // A fragment or query alone refers to the base document itself; a path, to something in its folder.
        if url.isEmpty || url.hasPrefix("#") || url.hasPrefix("?") { return baseDocument + url }
        let folder = baseDocument.lastIndex(of: "/").map { String(baseDocument[...$0]) } ?? ""
        return folder + url
    }

    /// The URL's scheme, lowercased, when it starts with one (`https:`, `mailto:`…).
    private static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":"), let first = url.first, first.isASCII, first.isLetter else {
            return nil
        }
        let scheme = url[..<colon]
        guard scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else {
            return nil
        }
        return scheme.lowercased()
    }

    /// `/notes/a.html#x` written relative to the page at `page`, for the hint on a root-relative URL.
    private static func pageRelative(_ url: String, from page: String) -> String {
        let (beforeFragment, fragment) = split(url, at: "#")
        var path = String(split(beforeFragment, at: "?").0.drop { $0 == "/" })
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        return RelativePath.url(from: page, to: path) + (fragment.map { "#" + $0 } ?? "")
    }

    /// The text before the first `separator` and, if there is one, the text after it.
    private static func split(_ text: String, at separator: Character) -> (String, String?) {
        guard let index = text.firstIndex(of: separator) else { return (text, nil) }
        return (String(text[..<index]), String(text[text.index(after: index)...]))
    }

    // MARK: Files and messages

    /// The site's files and folders as paths relative to it, and which of them are checked.
    private struct Inventory {
        var files: Set<String> = []
        var folders: Set<String> = []
        /// Pages and style sheets, in path order; hidden files are not part of the site sitegen writes.
        var checkedFiles: [String] = []

        init(_ directory: URL, display: String) throws(SitegenError) {
            let manager = FileManager.default
            var isFolder: ObjCBool = false
            let name = display.isEmpty ? "." : display
            guard manager.fileExists(atPath: directory.path, isDirectory: &isFolder), isFolder.boolValue else {
                throw SitegenError(
                    Diagnostic(
                        SourceLocation(file: name), "there is no folder \(name) to check",
                        hint: "build the site first (`sitegen build`), or name the folder it is in: `sitegen check DIR`"
                    ))
            }
            let paths: [String]
            do {
                paths = try manager.subpathsOfDirectory(atPath: directory.path)
            } catch {
                throw SitegenError(
                    Diagnostic(
                        SourceLocation(file: name), "cannot read the folder \(name)", hint: "check its permissions"))
            }
            for path in paths {
                var isDirectory: ObjCBool = false
                guard manager.fileExists(atPath: directory.appendingPathComponent(path).path, isDirectory: &isDirectory)
                else { continue }
                if isDirectory.boolValue {
                    folders.insert(path)
                } else {
                    files.insert(path)
                }
            }
            checkedFiles = files.filter { path in
                !path.split(separator: "/").contains { $0.hasPrefix(".") }
                    && (SiteChecker.isPage(path) || path.lowercased().hasSuffix(".css"))
            }.sorted()
        }
    }

    private static func isPage(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return lowered.hasSuffix(".html") || lowered.hasSuffix(".htm")
    }

    /// The folder as messages name it, without a trailing `/`; empty for the current folder.
    private var displayRoot: String {
        var root = displayPath
        while root.count > 1, root.hasSuffix("/") { root.removeLast() }
        return root == "." ? "" : root
    }

    private func display(_ path: String) -> String {
        displayRoot.isEmpty ? path : displayRoot + "/" + path
    }

    private func wholeFile(_ path: String, _ message: String, hint: String) -> Diagnostic {
        Diagnostic(SourceLocation(file: display(path)), message, hint: hint)
    }

    private func diagnostic(_ file: ScannedFile, _ reference: Reference, _ message: String, hint: String) -> Diagnostic
    {
        diagnostic(file, line: reference.line, column: reference.column, message, hint: hint)
    }

    /// A diagnostic at a position in `file`, quoting the line when it is short enough to read in a terminal.
    private func diagnostic(_ file: ScannedFile, line: Int, column: Int, _ message: String, hint: String) -> Diagnostic
    {
        let source = file.lines.line(line).flatMap {
            $0.count <= 120 ? $0.replacingOccurrences(of: "\t", with: " ") : nil
        }
        return Diagnostic(
            SourceLocation(file: display(file.path), line: line, column: column), message, hint: hint,
            sourceLine: source)
    }
}

extension String {
    /// The text without leading and trailing whitespace (HTML and URLs ignore it).
    fileprivate var trimmed: String {
        trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
