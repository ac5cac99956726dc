import Foundation

extension SiteBuilder {
    /// The pages a build after page edits renders (see `buildEdited`), and what it renders them with.
    private struct EditPlan {
        /// The pages to render, in page order, loaded.
        var pages: [PageSource]
        var renderer: PageRenderer
        /// What the record vouches for of the output's manifest.
        var vouched: VouchedManifest?
    }

    /// A build after edits that reach no page but the edited ones and those that show what changed: the last
    /// build's record says every other input is as it was and every output file is as it wrote it, and each
    /// edited page has its front matter as before, but perhaps its title, when it is outside the navigation and
    /// the feed (its neighbours show it). Only those pages, their neighbours when the title changed, and the
    /// pages linking to headings on them render; nothing is worked out for the others, whose files are carried
    /// over, and whose lines are copied into the new record as they are. The output is what a full build would
    /// write, and a problem is the one a full build would report.
    ///
    /// Nil, having changed nothing (the caller still holds `lock`), when the edits reach further or anything the
    /// record vouches for does not read as it says: a full build then finds out what changed.
    static func buildEdited(
        _ options: BuildOptions, writer: OutputWriter, lock: Int32, edit: BuildRecord.Edit,
        inputs trusted: [(path: String, stamp: FileStamp?)], linkedContent: Set<String>
    ) throws(SitegenError) -> BuildReport? {
        guard let plan = plan(options, edit: edit, inputs: trusted, linkedContent: linkedContent) else { return nil }
        // Rendered and checked before the output is touched, so that a record line that does not read can still
        // leave the build to a full one. Render problems and link problems come together, as a full build gives
        // them.
        var rendered: [(source: PageSource, page: RenderedPage)] = []
        var problems: [Diagnostic] = []
        plan.pages.parallelMap { page in
            (page, Result { () throws(SitegenError) in try plan.renderer.render(page) })
        } each: { page, result in
            switch result {
            case .success(let output): rendered.append((page, output))
            case .failure(let failure): problems += failure.diagnostics
            }
        }
        // The heading ids links are checked against: the rendered pages' own (a page that failed to render has
        // none, as in a full build), and the record's for every other page linked to with a `#fragment`.
        var anchors = LinkChecker.anchors(of: rendered.map(\.page))
        let rendering = Set(plan.pages.map(\.route.source))
        for (_, page) in rendered {
            for case .page(let route, let fragment?) in page.pendingLinks.map(\.target)
            where !fragment.isEmpty && !rendering.contains(route.source) && anchors[route.source] == nil {
                guard let recorded = edit.positions[route.source].flatMap(edit.page) else { return nil }
                anchors[route.source] = recorded.anchors
            }
        }
        problems += LinkChecker(resolver: plan.renderer.index.links, anchors: anchors).problems(
            in: rendered.map(\.page))
        guard problems.isEmpty else {
            close(lock)
            throw SitegenError(problems)
        }

        // The stamps of the pages that render, the only ones their keys and record lines need.
        let sources = Set(rendering.map { "content/" + $0 })
        let stamps = RenderKeys.byPath(trusted.filter { sources.contains($0.path) })
        let keys = RenderKeys(siteKey: edit.siteKey, inputs: stamps)
        let staging = try writer.begin(holding: lock, vouched: plan.vouched)
        do throws(SitegenError) {
            var lines: [Int: [UInt8]] = [:]
            let counter = ProgressCounter(total: rendered.count, report: options.progress)
            for (source, page) in rendered {
                try staging.write(OutputFile(path: page.route.output, contents: .bytes(page.html)))
                counter.advance()
                let record = BuildRecord.Page(
                    source, rendered: page,
                    key: keys.key(of: source, neighbours: plan.renderer.index.neighbours(of: source.route)),
                    stamp: stamps["content/" + source.route.source] ?? nil)
                lines[edit.positions[source.route.source]!] = record.line(source: source.route.source)
            }
            let outputs = Set(rendered.map(\.page.route.output))
            staging.carry(edit.outputs.filter { !outputs.contains($0.path) }.map { ($0.path, $0.stamp) })
            let pageLines = lines
            // As in a full build: no record while the output changes, so none ever describes another output.
            writer.removeRecord()
            let written = try staging.commit { [writer] written in
                writer.writeRecord(editing: edit, inputs: trusted, pageLines: pageLines, written: written, lock: lock)
            }
            return BuildReport(
                pages: edit.sources.count, rendered: rendered.count, files: written.count,
                output: options.display(options.output), warnings: edit.warnings, notes: edit.notes)
        } catch {
            throw staging.discard(after: error)
        }
    }

    /// What a build after the edits `edit` describes renders, and with what; nil when they reach further than
    /// `buildEdited` goes, or something does not read.
    private static func plan(
        _ options: BuildOptions, edit: BuildRecord.Edit, inputs: [(path: String, stamp: FileStamp?)],
        linkedContent: Set<String>
    ) -> EditPlan? {
        let folder = ContentFolder(path: options.content.path, displayName: options.display(options.content))
        // A page's edit that others may show, and any other change, needs a full build.
        var edited: [String] = []
        for path in edit.changed {
            let source = String(path.dropFirst("content/".count))
            guard SiteContent.isPageSource(path), edit.positions[source] != nil else { return nil }
            edited.append(source)
        }
        guard !edited.isEmpty,
            let (config, features) = try? SiteContent.settings(in: options.content, displayName: folder.displayName)
        else { return nil }
        // The edited pages' text is kept from loading to rendering, so each is read once, as it was compared.
        let budget = TextBudget(bytes: TextBudget.build)
        var loaded: [String: PageSource] = [:]
        var retitled: [String] = []
        for source in edited {
            guard let recorded = edit.page(edit.positions[source]!)?.meta,
                let page = try? PageSource.load(source, in: folder, features: features, budget: budget),
                page.meta.features.allSatisfy({ $0 == nil }), page.meta.sameButTitle(as: recorded)
            else { return nil }
            if page.meta.title != recorded.title {
                // Outside the navigation and the feed, a title shows on the page's neighbours alone.
                guard page.meta.nav == nil, page.meta.date == nil || config.url == nil else { return nil }
                retitled.append(source)
            }
            loaded[source] = page
        }

        // Two halves that need nothing from each other run side by side: what the content's other files are (for
        // the links) with the output's files the record vouches for (for the staging), and the part of the site
        // index the pages that render show. Each takes a few milliseconds at 10,000 pages, on a build that renders
        // one page.
        let editedSet = Set(edited)
        let shownLoaded = loaded
        let (others, shown) = inParallel(
            {
                (
                    links: linkResolver(
                        edit, inputs: inputs, linkedContent: linkedContent, includeDrafts: options.includeDrafts),
                    vouched: edit.vouchedManifest
                )
            },
            and: {
                shownIndex(
                    options, edit: edit, edited: editedSet, loaded: shownLoaded, config: config, folder: folder,
                    features: features)
            })
        guard let resolver = others.links, let (linking, folders, entries, featureIndex, theme) = shown else {
            return nil
        }
        let index = SiteIndex(
            config: config, entries: entries, folders: folders, links: resolver, features: featureIndex)

        // The edited pages, the pages linking to their headings, and the neighbours that show a new title.
        var render = editedSet.union(linking)
        for source in retitled {
            let neighbours = index.neighbours(of: Route(source: source))
            for entry in [neighbours.previous, neighbours.next] {
                if let entry { render.insert(entry.route.source) }
            }
        }
        var pages: [PageSource] = []
        for source in render {
            if let page = loaded[source] {
                pages.append(page)
            } else {
                // Not edited: as the last good build read it, with the same data files.
                guard let page = try? PageSource.load(source, in: folder, features: features, checkedBefore: true)
                else {
                    return nil
                }
                pages.append(page)
            }
        }
        // In page order, so problems come in the order a full build gives them.
        pages.sort { $0.route < $1.route }
        return EditPlan(pages: pages, renderer: PageRenderer(index: index, theme: theme), vouched: others.vouched)
    }

    /// The link resolver of a build after edits: every page the record lists, and the content's other files as the
    /// last build listed them (`inputs`, but those in `linkedContent`): drafts and assets. Nil when the listing's
    /// pages are not the record's, or it has drafts and the build includes them (loading them is a full build's
    /// work).
    private static func linkResolver(
        _ edit: BuildRecord.Edit, inputs: [(path: String, stamp: FileStamp?)], linkedContent: Set<String>,
        includeDrafts: Bool
    ) -> LinkResolver? {
        var drafts: Set<String> = []
        var assets: Set<String> = []
        var pageFiles = 0
        for path in SiteContent.listing(inputs.lazy.map(\.path), linked: linkedContent) {
            guard !SiteContent.dataFiles.contains(path) else { continue }
            if !path.hasSuffix(".md") {
                assets.insert(path)
            } else if edit.positions[path] == nil {
                drafts.insert(path)
            } else {
                pageFiles += 1
            }
        }
        guard drafts.isEmpty || !includeDrafts, pageFiles == edit.sources.count else { return nil }
        return LinkResolver(sources: edit.positions, drafts: drafts, assets: assets)
    }

    /// What the pages a build after edits renders show of the others: the pages linking to a heading on an edited
    /// page (which render too), the folders whose pages' neighbours are needed, the site index's entries for the
    /// navigation and those folders, the features' index and the theme. Every page but those with feature data is
    /// known by its record line; those are read, as the features' index needs their data. Nil when a line or a
    /// page does not read.
    private static func shownIndex(
        _ options: BuildOptions, edit: BuildRecord.Edit, edited: Set<String>, loaded: [String: PageSource],
        config: SiteConfig, folder: ContentFolder, features: FeatureSet
    ) -> (
        linking: [String], folders: Set<String>, entries: [SiteIndex.Entry], features: [any FeatureIndex], theme: Theme
    )? {
        // The pages linking to a heading on an edited page, which may have gone, render too.
        let glances = edit.pageLines.indices.map(edit.glance)
        var linking: [String] = []
        for (position, source) in edit.sources.enumerated() where !edited.contains(source) {
            guard glances[position].links else { continue }
            guard let links = edit.field(4, ofPage: position) else { return nil }
            if links.split(separator: "\n").contains(where: { edited.contains(String($0)) }) {
                linking.append(source)
            }
        }
        // The neighbours of a page that renders are in its folder, and so are those of an edited page's.
        let folders = Set((Array(edited) + linking).map(SiteIndex.folder(of:)))
        var entries: [SiteIndex.Entry] = []
        var featurePages: [PageSource] = []
        for (position, source) in edit.sources.enumerated() {
            if let page = loaded[source] {
                entries.append(.init(page))
                continue
            }
            if !glances[position].hasFrontMatter {
                // Not edited (those are in `loaded`): as the last good build read it, with the same data files.
                guard let page = try? PageSource.load(source, in: folder, features: features, checkedBefore: true)
                else {
                    return nil
                }
                if page.meta.features.contains(where: { $0 != nil }) { featurePages.append(page) }
                entries.append(.init(page))
                continue
            }
            // Only the navigation and the folders of the pages that render, where their neighbours are, are needed.
            guard glances[position].inNavigation || folders.contains(SiteIndex.folder(of: source))
            else { continue }
            guard let page = edit.page(position), let meta = page.meta else { return nil }
            entries.append(
                .init(route: Route(source: source), title: meta.title, navTitle: meta.navTitle, nav: meta.nav))
        }
        featurePages.sort { $0.route < $1.route }
        guard
            let featureIndex = try? features.index(featurePages),
            let theme = try? options.theme(config)
        else { return nil }
        return (linking, folders, entries, featureIndex, theme)
    }
}
