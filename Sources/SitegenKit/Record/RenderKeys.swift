import Crypto
import Foundation

/// The digest of everything a page's output depends on, worked out before any page renders, so a build can tell
/// which pages would come out as last time without rendering them. A page depends on:
/// - its own source file (by its stamp);
/// - sitegen itself, the settings, the theme's every file, `site.yaml` and the features' data files;
/// - which pages, drafts and assets exist (every link's target is resolved against them);
/// - the navigation (every page shows it), and the titles and routes of its previous and next pages;
/// - the sources of every page that has feature data (what the features list and embed).
/// A stamp too new to trust leaves no key, so what depends on it renders again.
struct RenderKeys: Sendable {
    private let site: [UInt8]?
    private let inputs: [String: FileStamp?]

    /// The files a build reads from `content/` and `themes/`, by path from the project folder, with their stamps
    /// (taken before anything is read, so a file changed while the build runs shows a new stamp next time).
    /// Sorted by path, as the record lists them.
    static func stamps(_ options: BuildOptions) -> [(path: String, stamp: FileStamp)] {
        var linked: Set<String> = []
        return stamps(options, linkedContent: &linked)
    }

    /// `stamps`, and in `linkedContent` those of the files under `content/` (named as `stamps` names them) reached
    /// through a symbolic link to a file, which the content's listing leaves out.
    static func stamps(
        _ options: BuildOptions, linkedContent: inout Set<String>
    ) -> [(path: String, stamp: FileStamp)] {
        var stamps: [(path: String, stamp: FileStamp)] = []
        // A page or asset behind a link is never read, but a data file or a theme may be.
        for (folder, name, following) in [(options.content, "content", false), (options.themes, "themes", true)] {
            var linked: Set<String> = []
            stamps += FileTree.stamps(under: folder, prefix: name + "/", followingFolders: following, linked: &linked)
            if name == "content" { linkedContent = linked }
        }
        return stamps
    }

    /// `stamps` with those taken within the racy margin of `now` (see `FileStamp.isRacy`) left out: such a file
    /// could change again without its stamp showing it, so it has no key and is read and rendered again. So are
    /// the files at or under the paths in `changed` (by path from the project folder): files a watcher has just
    /// seen change, whose file system's clock may not be the one `now` was read from.
    static func trusted(
        _ stamps: [(path: String, stamp: FileStamp)], now: Int64, changed: [String] = []
    ) -> [(path: String, stamp: FileStamp?)] {
        stamps.map { input in
            let seen = changed.contains { input.path == $0 || input.path.hasPrefix($0 + "/") }
            return (input.path, seen || input.stamp.isRacy(now: now) ? nil : Optional(input.stamp))
        }
    }

    /// The stamps `trusted` gives, by path, as a render takes them.
    static func byPath(_ trusted: [(path: String, stamp: FileStamp?)]) -> [String: FileStamp?] {
        Dictionary(trusted, uniquingKeysWith: { first, _ in first })
    }

    /// What stands for sitegen itself: its version and the stamp of the running executable, so a rebuilt sitegen
    /// of the same version renders everything again.
    static let sitegen: String = {
        let executable = Bundle.main.executablePath.flatMap { FileStamp.of($0)?.text } ?? "unknown"
        return "\(SitegenVersion.current) \(executable)"
    }()

    init(content: SiteContent, index: SiteIndex, inputs: [String: FileStamp?], settings: String) {
        self.inputs = inputs
        let assets = Set(content.assets.map { "content/" + $0 })
        var hasher = SHA256()
        var trusted = true
        func add(_ text: String) { Self.add(text, to: &hasher) }
        add(Self.sitegen)
        add(settings)
        // Every input that is not a page or a content asset: the theme, `site.yaml`, the features' data.
        // Sorted after the pages and assets are left out: a large site has tens of thousands of those.
        for path in inputs.keys.filter({ !assets.contains($0) && !($0.hasPrefix("content/") && $0.hasSuffix(".md")) })
            .sorted()
        {
            guard let stamp = inputs[path] ?? nil else {
                trusted = false
                break
            }
            add(path)
            add(stamp.text)
        }
        add("routes")
        // By index, here and below: iterating the pages would copy each page's record, retaining each of its strings.
        let pages = content.pages
        for position in pages.indices { add(pages[position].route.source) }
        add("drafts")
        for draft in content.drafts.sorted() { add(draft) }
        add("assets")
        for asset in content.assets { add(asset) }
        add("nav")
        for entry in index.nav {
            add(entry.title)
            add(entry.route.source)
        }
        add("features")
        for position in pages.indices where pages[position].meta.features.contains(where: { $0 != nil }) {
            let source = pages[position].route.source
            guard let stamp = inputs["content/" + source] ?? nil else {
                trusted = false
                break
            }
            add(source)
            add(stamp.text)
        }
        site = trusted ? Array(hasher.finalize()) : nil
    }

    /// The keys of a build whose site is as the last build's was: `siteKey` is that build's (see `siteKey`).
    init(siteKey: String?, inputs: [String: FileStamp?]) {
        self.inputs = inputs
        site = siteKey.flatMap(Self.bytes(hex:))
    }

    /// What every page's key shares, in hex, for the build record; nil when something it depends on could not
    /// be trusted.
    var siteKey: String? { site?.lowercaseHex }

    /// The key of `page`'s output; nil when something it depends on cannot be trusted.
    func key(of page: PageSource, neighbours: SiteIndex.Neighbours) -> String? {
        guard let site, let stamp = inputs["content/" + page.route.source] ?? nil else { return nil }
        var hasher = SHA256()
        func add(_ text: String) { Self.add(text, to: &hasher) }
        hasher.update(data: site)
        add(page.route.source)
        var stampText: [UInt8] = []
        stampText.reserveCapacity(64)
        stamp.appendText(to: &stampText)
        hasher.update(data: stampText)
        add(neighbours.previous?.title ?? "")
        add(neighbours.previous?.route.source ?? "")
        add(neighbours.next?.title ?? "")
        add(neighbours.next?.route.source ?? "")
        return hasher.finalize().lowercaseHex
    }

    /// The bytes `lowercaseHex` wrote as `text`; nil for any other text.
    private static func bytes(hex text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count == 2 * SHA256.byteCount else { return nil }
        func value(_ digit: UInt8) -> UInt8? {
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
            default: nil
            }
        }
        var bytes: [UInt8] = []
        for pair in stride(from: 0, to: digits.count, by: 2) {
            guard let high = value(digits[pair]), let low = value(digits[pair + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    /// Adds `text` to a digest, ended by a NUL, so that one text does not run into the next.
    private static func add(_ text: String, to hasher: inout SHA256) {
        var text = text
        text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        withUnsafeBytes(of: UInt8(0)) { hasher.update(bufferPointer: $0) }
    }
}
