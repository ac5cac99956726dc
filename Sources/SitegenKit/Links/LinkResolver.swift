import Foundation

/// Turns the destinations authors write (source paths such as `../checklist.md#closing`) into page-relative URLs
/// of output files, and says why a destination leads nowhere.
struct LinkResolver: Sendable {
    /// What a destination points at.
    enum Target: Sendable, Equatable {
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

    /// The pages being built, by source path.
    private let pages: Pages
    /// Source paths of the pages left out as drafts, so a link to one explains itself.
    let drafts: Set<String>
    /// Source paths of the content files copied as they are.
    let assets: Set<String>

    /// Creates a resolver over the site's pages and assets.
    init(pages: [Route], drafts: Set<String> = [], assets: Set<String>) {
        self.pages = .routes(Dictionary(uniqueKeysWithValues: pages.map { ($0.source, $0) }))
        self.drafts = drafts
        self.assets = assets
    }

    /// Creates a resolver over pages known by their source paths alone (the keys of `sources`), each given its
    /// route when a link leads to it: for a build that renders a few pages of many, where making every route
    /// first would be most of the resolver's work.
    init(sources: [String: Int], drafts: Set<String> = [], assets: Set<String>) {
        self.pages = .sources(sources)
        self.drafts = drafts
        self.assets = assets
    }

    /// The pages links can lead to: their routes, or their source paths alone.
    private enum Pages: Sendable {
        case routes([String: Route])
        case sources([String: Int])

        subscript(source: String) -> Route? {
            switch self {
            case .routes(let routes): routes[source]
            case .sources(let sources): sources[source] == nil ? nil : Route(source: source)
            }
        }

        /// Every page's route (for the messages of links that lead nowhere).
        var all: [Route] {
            switch self {
            case .routes(let routes): Array(routes.values)
            case .sources(let sources): sources.keys.map(Route.init(source:))
            }
        }
    }

    /// Classifies `destination`, written in the page at `from`.
    func target(of destination: String, from: Route) -> Target {
        if destination.isEmpty || destination.hasPrefix("//") { return .external }
        var text = destination
        if let target = text.withUTF8({ quickTarget(of: $0, from: from) }) { return target }
        // The general case: text beyond ASCII, percent escapes, and destinations that lead nowhere.
        if Self.hasScheme(destination) { return .external }
        let hashIndex = destination.firstIndex(of: "#")
        let fragment = hashIndex.map { String(destination[destination.index(after: $0)...]) }
        let beforeHash = destination[..<(hashIndex ?? destination.endIndex)]
        let path = String(beforeHash[..<(beforeHash.firstIndex(of: "?") ?? beforeHash.endIndex)])
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
                hint: "link to a file such as `\(RelativePath.href(from: from.source, to: index))`")
        }
        if let page = pages.all.first(where: { $0.output == resolved }) {
            return .broken(
                "`\(destination)` links to an output file",
                hint: "link to its source instead: `\(RelativePath.href(from: from.source, to: page.source))`")
        }
        let known = pages.all.map(\.source).sorted() + assets.sorted()
        let hint = Suggestion.closest(to: resolved, among: known).map {
            "did you mean `\(RelativePath.href(from: from.source, to: $0))`?"
        }
        return .broken("`\(destination)` links to content/\(resolved), which does not exist", hint: hint)
    }

    /// `target(of:from:)` for the links of almost every page, over the destination's bytes: an ASCII destination
    /// without percent escapes in its path, to a page, an asset or a heading on the same page. Nil for anything
    /// else, which the general code answers.
    ///
    /// Every link of every page comes through here. In ASCII text each byte is a Character (a CR LF pair aside,
    /// which matches none of the bytes looked for), so byte searches give the same answers as Character-based ones,
    /// and the path is resolved straight from the destination's bytes, without a string for it first.
    private func quickTarget(of bytes: UnsafeBufferPointer<UInt8>, from: Route) -> Target? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        if Self.hasASCIIScheme(bytes) { return .external }
        let hash = bytes.firstIndex(of: UInt8(ascii: "#"))
        let beforeHash = bytes[..<(hash ?? bytes.endIndex)]
        let path = beforeHash[..<(beforeHash.firstIndex(of: UInt8(ascii: "?")) ?? beforeHash.endIndex)]
        let fragment = hash.map { bytes[($0 + 1)...] }
        // Without `%`, removing percent encoding leaves text as it is.
        guard !path.contains(UInt8(ascii: "%")), fragment?.contains(UInt8(ascii: "%")) != true else { return nil }
        let fragmentText = fragment.map { String(decoding: $0, as: UTF8.self) }
        if path.isEmpty { return .samePage(fragment: fragmentText ?? "") }
        guard let resolved = RelativePath.resolve(asciiPath: UnsafeBufferPointer(rebasing: path), against: from.source),
            !resolved.isEmpty
        else {
            return nil
        }
        if let route = pages[resolved] { return .page(route, fragment: fragmentText) }
        if assets.contains(resolved) { return .asset(resolved) }
        return nil
    }

    /// The page-relative URL to write for a resolved target, or nil to leave the destination as written.
    func href(for target: Target, from: Route) -> String? {
        switch target {
        case .external, .broken: nil
        case .samePage(let fragment): "#" + Self.escapeFragment(fragment)
        case .page(let route, nil): RelativePath.href(from: from.output, to: route.output)
        case .page(let route, let fragment?):
            RelativePath.href(from: from.output, to: route.output) + "#" + Self.escapeFragment(fragment)
        case .asset(let path): RelativePath.href(from: from.output, to: path)
        }
    }

    private static func hasScheme(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    /// `hasScheme` for ASCII text, over its bytes.
    private static func hasASCIIScheme(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let scheme = bytes[..<colon]
        guard let first = scheme.first, Self.isASCIILetter(first) else { return false }
        return scheme.allSatisfy {
            Self.isASCIILetter($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-")
                || $0 == UInt8(ascii: ".")
        }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func escapeFragment(_ fragment: String) -> String {
        // Most fragments are heading ids that need no escaping; checking bytes spares Foundation's copy.
        if fragment.utf8.allSatisfy({ $0 < 0x80 && fragmentAllowed[Int($0)] }) { return fragment }
        return fragment.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? fragment
    }

    /// Which ASCII bytes `addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed)` leaves as they are.
    private static let fragmentAllowed: [Bool] = (0..<128).map {
        CharacterSet.urlFragmentAllowed.contains(Unicode.Scalar(UInt8($0)))
    }
}
