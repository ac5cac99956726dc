import Foundation

/// Turns the destinations authors write (source paths such as `../checklist.md#closing`) into page-relative URLs
/// of output files, and says why a destination leads nowhere.
public struct LinkResolver: Sendable {
    /// What a destination points at.
    public enum Target: Sendable, Equatable {
        /// Another host, a scheme such as `mailto:`, or nothing sitegen should touch.
        case external
        /// A heading on the same page.
        case samePage(fragment: String)
        /// A page of the site, optionally a heading on it.
        case page(Route, fragment: String?)
        /// A file copied from `content/` as it is.
        case asset(String)
        /// Nothing: the reason and what to do.
        case broken(String, hint: String?)
    }

    /// Routes of the pages being built, by source path.
    let pages: [String: Route]
    /// Source paths of the pages left out as drafts, so a link to one explains itself.
    let drafts: Set<String>
    /// Source paths of the content files copied as they are.
    let assets: Set<String>

    /// Creates a resolver over the site's pages and assets.
    public init(pages: [Route], drafts: Set<String> = [], assets: Set<String>) {
        self.pages = Dictionary(uniqueKeysWithValues: pages.map { ($0.source, $0) })
        self.drafts = drafts
        self.assets = assets
    }

    /// Classifies `destination`, written in the page at `from`.
    public func target(of destination: String, from: Route) -> Target {
        if destination.isEmpty || destination.hasPrefix("//") || Self.hasScheme(destination) { return .external }
        let hashIndex = destination.firstIndex(of: "#")
        let fragment = hashIndex.map { String(destination[destination.index(after: $0)...]) }
        var path = String(destination[..<(hashIndex ?? destination.endIndex)])
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        if path.isEmpty {
            return .samePage(fragment: (fragment ?? "").removingPercentEncoding ?? fragment ?? "")
        }
        let decoded = path.contains("%") ? (path.removingPercentEncoding ?? path) : path
        guard let resolved = RelativePath.resolve(decoded, against: from.source), !resolved.isEmpty else {
            return .broken("`\(destination)` points outside content/", hint: "link only to files inside content/")
        }
        if let route = pages[resolved] {
            return .page(route, fragment: fragment.map { $0.removingPercentEncoding ?? $0 })
        }
        if assets.contains(resolved) { return .asset(resolved) }
        if drafts.contains(resolved) {
            return .broken(
                "`\(destination)` links to a draft", hint: "build with --drafts, or remove `draft: true` from it")
        }
        if decoded.hasSuffix("/") || pages[resolved + "/index.md"] != nil {
            let index = resolved + "/index.md"
            return .broken(
                "`\(destination)` links to a folder",
                hint: "link to a file such as `\(RelativePath.url(from: from.source, to: index))`")
        }
        if let page = pages.values.first(where: { $0.output == resolved }) {
            return .broken(
                "`\(destination)` links to an output file",
                hint: "link to its source instead: `\(RelativePath.url(from: from.source, to: page.source))`")
        }
        let known = pages.keys.sorted() + assets.sorted()
        let hint = Suggestion.closest(to: resolved, among: known).map {
            "did you mean `\(RelativePath.url(from: from.source, to: $0))`?"
        }
        return .broken("`\(destination)` links to content/\(resolved), which does not exist", hint: hint)
    }

    /// The page-relative URL to write for a resolved target, or nil to leave the destination as written.
    public func href(for target: Target, from: Route) -> String? {
        switch target {
        case .external, .broken: nil
        case .samePage(let fragment): "#" + Self.escapeFragment(fragment)
        case .page(let route, let fragment):
            RelativePath.url(from: from.output, to: route.output)
                + (fragment.map { "#" + Self.escapeFragment($0) } ?? "")
        case .asset(let path): RelativePath.url(from: from.output, to: path)
        }
    }

    private static func hasScheme(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    private static func escapeFragment(_ fragment: String) -> String {
        fragment.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? fragment
    }
}
