/// The last good build into an output folder, as its record describes it, and what of it a new build can keep.
struct LastBuild: Sendable {
    /// What that build read and wrote.
    var record: BuildRecord
    /// The output folder it wrote; nil for a build held in memory (`serve`), whose files change only by sitegen's
    /// own renders (and a page rendered again since has a new stamp, so a new key).
    var outputPath: String?

    /// For each of `pages`, the last build's record of it when its output can be carried over: the same key, and
    /// the file still as the last build wrote it. A page that links to a heading on a page that renders again
    /// renders too, so its links are checked against the new headings.
    func carriedOver(_ pages: [PageSource], keys: [String?]) -> [BuildRecord.Page?] {
        var result: [BuildRecord.Page?] = []
        result.reserveCapacity(pages.count)
        // On every core: each page's look at its output file is a system call.
        Array(pages.indices).parallelMap { position -> BuildRecord.Page? in
            guard let key = keys[position], let previous = record.pages[pages[position].route.source],
                previous.key == key, outputIsIntact(pages[position].route.output)
            else { return nil }
            return previous
        } each: {
            result.append($0)
        }
        let renderedAgain = Set(pages.indices.filter { result[$0] == nil }.map { pages[$0].route.source })
        for position in result.indices where result[position]?.linksTo.contains(where: renderedAgain.contains) == true {
            result[position] = nil
        }
        return result
    }

    /// Whether the file at `path` in the output folder is still the one the last build wrote.
    func outputIsIntact(_ path: String) -> Bool {
        guard let outputPath else { return true }
        guard let recorded = record.outputs[path] ?? nil else { return false }
        return recorded.matches(outputPath + "/" + path)
    }
}

extension BuildRecord.Page {
    /// The record of `page`, just rendered as `rendered`, with `key` (nil when it could not be worked out) and its
    /// source's `stamp`; the pages it links to with a `#fragment` are `linksTo`, or else the rendered page's.
    convenience init(
        _ page: PageSource, rendered: RenderedPage, key: String?, stamp: FileStamp?, linksTo: [String]? = nil
    ) {
        self.init(
            key: key ?? "", anchors: rendered.anchors, linksTo: linksTo ?? Self.targets(of: rendered.pendingLinks),
            stamp: stamp,
            // Feature data cannot be written down; such a page is read again by every build. The front matter of
            // a page whose stamp is not trusted is kept for comparing, not reading: `knownPages` takes only what a
            // trusted stamp vouches for.
            meta: page.meta.features.allSatisfy { $0 == nil } ? page.meta : nil)
    }

    /// The pages that `links` (a page's links still to check) lead to with a `#fragment`, by source path.
    static func targets(of links: [PendingLink]) -> [String] {
        var sources: Set<String> = []
        for link in links {
            if case .page(let route, let fragment) = link.target, !(fragment ?? "").isEmpty {
                sources.insert(route.source)
            }
        }
        return sources.sorted()
    }
}

extension LastBuild {
    /// The front matter of every page whose source still has the trusted stamp the last build recorded, by source
    /// path: a build takes it from here rather than reading and parsing the page.
    func knownPages(inputs: [String: FileStamp?]) -> [String: PageMeta] {
        // Another sitegen may read front matter differently.
        guard record.version == RenderKeys.sitegen else { return [:] }
        var known: [String: PageMeta] = [:]
        for (source, page) in record.pages {
            guard let meta = page.meta, let recorded = page.stamp, let current = inputs["content/" + source] ?? nil,
                current == recorded
            else { continue }
            known[source] = meta
        }
        return known
    }

    /// The pages with feature data (which `knownPages` leaves out) whose source still has the trusted stamp the
    /// last build recorded, so whose checks passed with that text (`SiteFeature.decodePage`'s `checkedBefore`).
    /// Only for a build whose data files and settings are the last build's, which the caller knows from comparing
    /// the record (`SiteBuilder.build`).
    func checkedFeaturePages(inputs: [String: FileStamp?]) -> Set<String> {
        // An executable that could not be stamped cannot be told from another build of the same version.
        guard record.version == RenderKeys.sitegen, !RenderKeys.sitegen.hasSuffix(" unknown") else { return [] }
        var checked: Set<String> = []
        for (source, page) in record.pages where page.meta == nil {
            guard let recorded = page.stamp, let current = inputs["content/" + source] ?? nil, current == recorded
            else { continue }
            checked.insert(source)
        }
        return checked
    }
}
