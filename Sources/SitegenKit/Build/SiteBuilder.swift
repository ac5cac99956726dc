import Foundation

/// Builds a site, following every page through the same steps: read source, split front matter, resolve links,
/// render Markdown, render the template, and finally write everything at once.
public enum SiteBuilder {
    /// Builds the site described by `options`. On failure nothing in the output folder changes.
    @discardableResult
    public static func build(_ options: BuildOptions) throws(BuildFailure) -> BuildReport {
        let writer = OutputWriter(output: options.output, displayPath: options.display(options.output))
        do {
            try writer.checkPlacement(projectRoot: options.root, protected: [options.content, options.themes])
        } catch {
            throw BuildFailure(error)
        }
        let site = try render(options)
        do {
            try writer.write(site.files)
        } catch {
            throw BuildFailure(error)
        }
        return BuildReport(
            pages: site.pageCount, files: site.files.count, output: options.display(options.output),
            warnings: site.warnings, notes: site.notes)
    }

    /// Renders the whole site in memory, without writing anything: the pages and the files copied as they are.
    /// With `options.strict`, warnings fail the build.
    public static func render(_ options: BuildOptions) throws(BuildFailure) -> RenderedSite {
        let content = try SiteContent.load(
            from: options.content, displayName: options.display(options.content), includeDrafts: options.includeDrafts)
        let themeDirectory = options.themes.appendingPathComponent(content.config.theme)
        let theme = try Theme.load(from: themeDirectory, displayPath: options.display(themeDirectory))
        let renderer = PageRenderer(index: SiteIndex(content), theme: theme)

        // Pages render independently of one another, so they are spread over every core; results keep page order.
        let counter = ProgressCounter(total: content.pages.count, report: options.progress)
        let results = content.pages.parallelMap { page in
            defer { counter.advance() }
            return Result { () throws(BuildFailure) in try renderer.render(page) }
        }
        var rendered: [RenderedPage] = []
        var problems: [Diagnostic] = []
        for result in results {
            switch result {
            case .success(let page): rendered.append(page)
            case .failure(let failure): problems += failure.diagnostics
            }
        }
        problems += LinkChecker(resolver: renderer.index.links, pages: rendered).problems()
        let warnings = content.warnings
        if options.strict { problems += warnings }
        guard problems.isEmpty else { throw BuildFailure(problems) }

        let extras = SiteFiles(index: renderer.index, pages: content.pages)
        var files = rendered.map { OutputFile(path: $0.route.output, contents: .data(Data($0.html.utf8))) }
        files += extras.files()
        files += content.assets.map {
            OutputFile(path: $0, contents: .copy(options.content.appendingPathComponent($0)))
        }
        files += theme.assets.map { OutputFile(path: "assets/" + $0, contents: .copy(theme.assetURL($0))) }
        try checkUnique(files, content: options.display(options.content))
        return RenderedSite(
            files: files.sorted { $0.path < $1.path }, pageCount: rendered.count, warnings: warnings,
            notes: extras.notes())
    }

    /// Two sources that would write the same output file are an error, rather than one silently winning.
    private static func checkUnique(_ files: [OutputFile], content: String) throws(BuildFailure) {
        var seen: Set<String> = []
        var problems: [Diagnostic] = []
        for file in files where !seen.insert(file.path).inserted {
            problems.append(
                Diagnostic(
                    SourceLocation(file: file.path), "two sources produce the output file \(file.path)",
                    hint:
                        "rename one of them (pages and files in \(content)/, and the theme's assets/ which go to assets/)"
                ))
        }
        guard problems.isEmpty else { throw BuildFailure(problems) }
    }
}
