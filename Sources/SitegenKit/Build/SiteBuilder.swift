import Foundation

/// Builds a site, following every page through the same steps: read source, split front matter, resolve links,
/// render Markdown, render the template, write.
public enum SiteBuilder {
    /// Builds the site described by `options`. Pages are written beside the output folder as they are rendered;
    /// the new site replaces the old one only when every page and link is good, so on failure nothing in the
    /// output folder changes.
    @discardableResult
    public static func build(_ options: BuildOptions) throws(SitegenError) -> BuildReport {
        var writer = OutputWriter(output: options.output, displayPath: options.display(options.output))
        writer.disk = options.disk
        writer.notice = options.notice
        try options.checkRoot()
        try writer.checkPlacement(projectRoot: options.root, protected: [options.content, options.themes])
        let lock = try writer.lock()
        // Stamps first, then reading: a file changed while the build reads it shows a new stamp next time.
        let started = writer.fileSystemTime(lock)
        var recordBytes = options.clean ? nil : writer.readRecord()
        var linkedContent: Set<String> = []
        let stamps = RenderKeys.stamps(options, linkedContent: &linkedContent)
        // Leftovers of an interrupted build are cleared by a build that writes, so they rule out a shortcut.
        var comparison =
            writer.hasLeftovers
            ? nil
            : recordBytes.flatMap {
                BuildRecord.compare(
                    $0, inputs: stamps, settings: options.recordedSettings, outputPath: writer.outputPath)
            }
        if case .upToDate(let report) = comparison {
            close(lock)
            return BuildReport(
                pages: report.pages, rendered: 0, upToDate: true, files: report.files,
                output: options.display(options.output), warnings: report.warnings, notes: report.notes)
        }
        let trusted = RenderKeys.trusted(stamps, now: started)
        if case .changed(let edit) = comparison,
            let report = try buildEdited(
                options, writer: writer, lock: lock, edit: edit, inputs: trusted, linkedContent: linkedContent)
        {
            return report
        }
        // When the theme or a data file changed, or another sitegen, other settings or other inputs wrote the
        // record, every page's key holds the change (see `RenderKeys`), so the record can carry no page over: only
        // its front matter is read (a page's source, if unchanged, need not be parsed again), not the rest, which
        // at 100,000 pages is 150 MB. (A content asset's stamp is in no key: an edited asset renders no page.)
        var sharesNoPage = false
        // Only pages' sources changed since a record of this sitegen and these settings (`.changed` lists the same
        // files): the data files are as they were, so the note pages that did not change passed their checks.
        var onlyPagesChanged = false
        switch comparison {
        case .otherInputs: sharesNoPage = true
        case .changed(let edit):
            sharesNoPage = edit.changed.contains(where: SiteContent.isSiteWide)
            onlyPagesChanged = !sharesNoPage
        default: break
        }
        // A full build needs none of it, and at 100,000 pages it holds a hundred megabytes.
        comparison = nil
        // Without the output it describes (a removed output folder), the record has nothing to offer.
        let hasOutput = Disk.kind(of: writer.outputPath + "/" + OutputWriter.manifestName) == .file
        let last = (hasOutput ? recordBytes : nil).flatMap { BuildRecord(text: $0, frontMatterOnly: sharesNoPage) }
            .map { LastBuild(record: $0, outputPath: writer.outputPath) }
        // Read into `last`, the bytes are not needed again (a large site's record is tens of megabytes).
        recordBytes = nil
        let inputs = RenderKeys.byPath(trusted)
        let checkedBefore = onlyPagesChanged ? last?.checkedFeaturePages(inputs: inputs) ?? [] : []
        let staging = try writer.begin(holding: lock)
        do throws(SitegenError) {
            // The content's listing is the one its stamps were taken with: no second walk, and no file read that
            // the record's inputs leave out.
            let site = try render(
                options, emit: staging.write, inputs: inputs, last: consume last, checkedBefore: checkedBefore,
                listed: SiteContent.listing(stamps.lazy.map(\.path), linked: linkedContent))
            let (pages, rendered, warnings, notes) = (site.pages.count, site.rendered, site.warnings, site.notes)
            let (recordLines, siteKey) = (site.recordLines, site.siteKey)
            BackgroundRelease.drop(consume site)
            // The record goes before the swap and comes back after it, so it never describes another output.
            writer.removeRecord()
            let written = try staging.commit { [writer] written in
                writer.writeRecord(
                    inputs: trusted, siteKey: siteKey, pageLines: recordLines, written: written,
                    settings: options.recordedSettings, warnings: warnings, notes: notes, lock: lock)
            }
            return BuildReport(
                pages: pages, rendered: rendered, files: written.count, output: options.display(options.output),
                warnings: warnings, notes: notes)
        } catch {
            throw staging.discard(after: error)
        }
    }

    /// What a render keeps of each page for the next build's record: its line of the record file (`build`), or
    /// the page's entry itself, kept in memory (`serve`).
    enum RecordForm: Sendable {
        case lines, pages
    }

    /// The pipeline: load, render each page on every core and hand it to `emit` at once (so the site is never
    /// held whole in memory), check links, then emit the other files. `emit` may be called from any thread.
    /// With `inputs` (the stamps of what the build reads) the render also makes each page's record, in `form`;
    /// and with the `last` build's record a page whose output would come out as the last build's is carried over
    /// (emitted as `.previous`) instead of rendered. `checkedBefore` and `listed` (the content's listing, when the
    /// caller has it) are as `SiteContent.load` takes them.
    static func render(
        _ options: BuildOptions, emit: @escaping @Sendable (OutputFile) throws(SitegenError) -> Void,
        inputs: [String: FileStamp?] = [:], last: consuming LastBuild? = nil, form: RecordForm = .lines,
        checkedBefore: Set<String> = [], listed: [String]? = nil
    ) throws(SitegenError) -> SiteRender {
        let content = try SiteContent.load(
            from: options.content, displayName: options.display(options.content), includeDrafts: options.includeDrafts,
            known: last?.knownPages(inputs: inputs) ?? [:], checkedBefore: checkedBefore,
            textBudget: inputs.isEmpty ? TextBudget.build : TextBudget.bytes(forPages: pageBytes(inputs)),
            listed: listed)
        // The theme and the site index need nothing from each other, so they are made side by side.
        let (loadedTheme, loadedIndex) = inParallel {
            Result { () throws(SitegenError) -> Theme in try options.theme(content.config) }
        } and: {
            Result { () throws(SitegenError) -> SiteIndex in try SiteIndex(content) }
        }
        let theme = try loadedTheme.get()
        let renderer = PageRenderer(index: try loadedIndex.get(), theme: theme)
        let extras = SiteFiles(index: renderer.index, pages: content.pages)
        let siteFiles = extras.files()
        let otherFiles =
            siteFiles
            + content.assets.map { OutputFile(path: $0, contents: .copy(options.content.appendingPathComponent($0))) }
            + theme.assets.map { OutputFile(path: "assets/" + $0, contents: .copy(theme.assetURL($0))) }
        let contentName = options.display(options.content)
        let themeName = options.display(options.themeDirectory(content.config))
        // Checking the output names and working out the keys need nothing from each other either.
        let (unique, keys) = inParallel {
            Result { () throws(SitegenError) in
                try checkUnique([
                    // By index: mapping the pages would copy each whole record.
                    (
                        content.pages.indices.map { content.pages[$0].route.output },
                        { "\(contentName)/\(content.pages[$0].route.source)" }
                    ),
                    (siteFiles.map(\.path), { "sitegen's own \(siteFiles[$0].path)" }),
                    (content.assets, { "\(contentName)/\(content.assets[$0])" }),
                    (theme.assets.map { "assets/" + $0 }, { "\(themeName)/assets/\(theme.assets[$0])" }),
                ])
            }
        } and: {
            RenderKeys(content: content, index: renderer.index, inputs: inputs, settings: options.recordedSettings)
        }
        try unique.get()
        // Every page's key holds the key they all share: when it is not the last build's, no page can be carried
        // over, and the last build's record (at 100,000 pages, 150 MB) is let go before any page renders.
        let shared = last?.record.siteKey
        if shared == nil || shared != keys.siteKey, let dropped = last {
            last = nil
            BackgroundRelease.drop(consume dropped)
        }
        let carriable = last
        @Sendable func key(_ page: PageSource) -> String? {
            keys.key(of: page, neighbours: renderer.index.neighbours(of: page.route))
        }
        // Which pages can be carried over needs every key first; a build without a record works each out as its
        // page renders, on every core.
        let pageKeys = carriable.map { _ in
            var pageKeys: [String?] = []
            pageKeys.reserveCapacity(content.pages.count)
            content.pages.parallelMap(key) { pageKeys.append($0) }
            return pageKeys
        }
        // Nil without a record: a clean build of a large site need not hold a slot for every page.
        let carried = carriable.flatMap { kept in pageKeys.map { kept.carriedOver(content.pages, keys: $0) } }
        let outputPath = options.output.path

        // Pages render independently of one another, so they are spread over every core; results keep page order.
        let counter = ProgressCounter(total: content.pages.count, report: options.progress)
        var rendered: [RenderedPage] = []
        rendered.reserveCapacity(content.pages.count)
        var recordLines: [[UInt8]] = []
        var recordPages: [String: BuildRecord.Page] = [:]
        if !inputs.isEmpty {
            switch form {
            case .lines: recordLines.reserveCapacity(content.pages.count)
            case .pages: recordPages.reserveCapacity(content.pages.count)
            }
        }
        var problems: [Diagnostic] = []
        Array(content.pages.indices).parallelMap { position in
            defer { counter.advance() }
            let page = content.pages[position]
            return Result { () throws(SitegenError) -> (RenderedPage, BuildRecord.Page?, [UInt8]) in
                let renderedPage: RenderedPage
                if let previous = carried?[position] {
                    let output = page.route.output
                    let recorded = carriable?.record.outputs[output] ?? nil
                    try emit(
                        OutputFile(
                            path: output, contents: .previous(path: outputPath + "/" + output, recorded: recorded)))
                    renderedPage = RenderedPage(
                        folder: page.folder, route: page.route, html: [], anchors: previous.anchors, pendingLinks: [])
                } else {
                    renderedPage = try renderAndEmit(page, renderer: renderer, emit: emit)
                }
                guard !inputs.isEmpty else { return (renderedPage, nil, []) }
                let stamp = inputs["content/" + page.route.source] ?? nil
                let record: BuildRecord.Page
                if let previous = carried?[position], stamp != nil, previous.stamp == stamp {
                    // Carried over from the same trusted source, the page's record is the last build's, byte for
                    // byte (its line too, when it was read from a record file).
                    record = previous
                } else {
                    record = BuildRecord.Page(
                        page, rendered: renderedPage, key: pageKeys.map { $0[position] } ?? key(page), stamp: stamp,
                        linksTo: carried?[position]?.linksTo)
                }
                switch form {
                case .pages: return (renderedPage, record, [])
                case .lines:
                    return (
                        renderedPage, nil, record.line.isEmpty ? record.line(source: page.route.source) : record.line
                    )
                }
            }
        } each: { result in
            // Consumed, so each part moves out of the result (see `SiteContent.load`).
            let result = result
            switch consume result {
            case .success(let (page, record, line)):
                if !line.isEmpty { recordLines.append(line) }
                if let record { recordPages[page.route.source] = record }
                rendered.append(page)
            case .failure(let failure): problems += failure.diagnostics
            }
        }
        // `serve` keeps every page's, to check the links of pages it renders again.
        let anchors = form == .pages ? LinkChecker.anchors(of: rendered) : LinkChecker.anchors(linkedFrom: rendered)
        problems += LinkChecker(resolver: renderer.index.links, anchors: anchors).problems(in: rendered)
        let warnings = content.warnings + renderer.index.features.flatMap(\.warnings)
        if options.strict { problems += warnings }
        guard problems.isEmpty else { throw SitegenError(problems) }
        for file in otherFiles { try emit(file) }
        let site = SiteRender(
            content: content, renderer: renderer, pages: rendered, anchors: anchors, warnings: warnings,
            notes: extras.notes(), rendered: carried?.count { $0 == nil } ?? content.pages.count,
            recordLines: recordLines, siteKey: keys.siteKey, recordPages: recordPages)
        // The last build's record is freed on another thread, or not at all by a build that exits.
        last = nil
        BackgroundRelease.drop(consume carriable)
        return site
    }

    /// Re-renders only the pages at `changed` (paths under `content/`) into `site`, reusing everything else, and
    /// re-checks the links that could be affected. Returns false, leaving `site` as it was, when the change
    /// reaches beyond those pages (a new or deleted file, data, settings, or front matter that other pages show)
    /// and a full build is needed. `site` changes only when the update succeeds.
    static func update(
        _ site: inout SiteRender, changed: Set<String>, options: BuildOptions,
        emit: @escaping @Sendable (OutputFile) throws(SitegenError) -> Void
    ) throws(SitegenError) -> Bool {
        var loaded: [(position: Int, page: PageSource)] = []
        for path in changed.sorted() {
            // A new page, or one deleted or renamed away, changes what other pages show: a full build.
            guard let position = site.content.pages.firstIndex(where: { $0.route.source == path }),
                Disk.kind(of: options.content.path + "/" + path) == .file
            else {
                return false
            }
            let page = try PageSource.load(
                path, in: ContentFolder(path: options.content.path, displayName: options.display(options.content)),
                features: site.content.features)
            guard page.meta.sharesEverythingOthersShow(with: site.content.pages[position].meta) else { return false }
            loaded.append((position, page))
        }
        // A page the last render carried over kept no links to check; one whose record says it links to a heading
        // on a changed page needs the render that renders it again, so that link is checked.
        for page in site.pages where page.pendingLinks.isEmpty && !changed.contains(page.route.source) {
            if site.recordPages[page.route.source]?.linksTo.contains(where: changed.contains) == true { return false }
        }
        var rendered: [(position: Int, page: RenderedPage)] = []
        var problems: [Diagnostic] = []
        for (position, page) in loaded {
            do throws(SitegenError) {
                rendered.append((position, try renderAndEmit(page, renderer: site.renderer, emit: emit)))
            } catch {
                problems += error.diagnostics
            }
        }
        guard problems.isEmpty else { throw SitegenError(problems) }

        // The changed pages' own links, and every link into a changed page, whose anchors may have changed.
        let changedSources = rendered.map(\.page.route.source)
        let newAnchors = Dictionary(uniqueKeysWithValues: rendered.map { ($0.page.route.source, $0.page.anchors) })
        let linkingIn = site.pages.filter { page in
            !changedSources.contains(page.route.source)
                && page.pendingLinks.contains {
                    if case .page(let route, _) = $0.target { return changedSources.contains(route.source) }
                    return false
                }
        }
        let checker = LinkChecker(
            resolver: site.renderer.index.links, anchors: site.anchors.merging(newAnchors) { $1 })
        problems = checker.problems(in: rendered.map(\.page) + linkingIn)
        guard problems.isEmpty else { throw SitegenError(problems) }

        for (position, page) in loaded { site.content.pages[position] = page }
        for (position, page) in rendered { site.pages[position] = page }
        site.anchors.merge(newAnchors) { $1 }
        return true
    }

    /// The size of the page sources among `inputs` (by path from the project folder), as their stamps give it;
    /// a source whose stamp is not trusted is left out.
    private static func pageBytes(_ inputs: [String: FileStamp?]) -> Int {
        inputs.reduce(0) { total, input in
            guard input.key.hasPrefix("content/"), input.key.hasSuffix(".md"), let stamp = input.value else {
                return total
            }
            return total + Int(stamp.size)
        }
    }

    /// Renders one page and hands its HTML to `emit` at once; the result keeps only what link checking needs.
    private static func renderAndEmit(
        _ page: PageSource, renderer: PageRenderer, emit: (OutputFile) throws(SitegenError) -> Void
    ) throws(SitegenError) -> RenderedPage {
        var rendered = try renderer.render(page)
        try emit(OutputFile(path: rendered.route.output, contents: .bytes(rendered.html)))
        rendered.html = []
        return rendered
    }

    /// Two sources that would write the same output file, or files whose names differ only in case or Unicode
    /// normalization (one file on many hosts), are an error naming both, rather than one silently winning.
    /// `claims` holds the output paths in groups, each with the name of the file that writes the output at a
    /// position, made only for a message: with that and a dictionary reserved to size, the check of 10,000 pages
    /// took 4-11 ms where it had taken 13-18 ms.
    private static func checkUnique(_ claims: [(outputs: [String], source: (Int) -> String)]) throws(SitegenError) {
        var seen: [String: (group: Int, position: Int)] = [:]
        seen.reserveCapacity(claims.reduce(0) { $0 + $1.outputs.count })
        var problems: [Diagnostic] = []
        for (group, claim) in claims.enumerated() {
            for (position, output) in claim.outputs.enumerated() {
                if let problem = FileNames.controlCharacterProblem(output, shownAs: claim.source(position)) {
                    problems.append(problem)
                    continue
                }
                // One lookup for the usual new name; the rare repeat puts the first claim back.
                let key = FileNames.folded(output)
                guard let first = seen.updateValue((group, position), forKey: key) else { continue }
                seen[key] = first
                let (firstOutput, firstSource) = (
                    claims[first.group].outputs[first.position], claims[first.group].source(first.position)
                )
                let source = claim.source(position)
                problems.append(
                    Diagnostic(
                        SourceLocation(file: firstSource),
                        Array(firstOutput.utf8) == Array(output.utf8)
                            ? "\(firstSource) and \(source) both produce the output file \(output)"
                            : "\(firstSource) and \(source) produce \(firstOutput) and \(output), which are one file on macOS, Windows and many web hosts",
                        hint: "rename one of them (the theme's assets/ go to assets/ in the output)"))
            }
        }
        guard problems.isEmpty else { throw SitegenError(problems) }
    }
}
