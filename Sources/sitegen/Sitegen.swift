import ArgumentParser
import Foundation
import SitegenKit

/// The `sitegen` command: parses arguments and hands the work to SitegenKit.
struct Sitegen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "Build a static site from Markdown that works from any folder, any URL sub-path, or from disk.",
        discussion: "Exit status: 0 on success, 1 for content or theme errors, 2 for usage errors.",
        version: SitegenVersion.current,
        subcommands: [Build.self, Serve.self, Check.self, New.self]
    )
}

/// Options shared by the commands that build.
struct BuildArguments: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The project folder holding content/ and themes/.", valueName: "dir"))
    var root: String = "."

    @Flag(name: .long, help: "Include pages marked `draft: true`.")
    var drafts = false

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: [.short, .long], help: "Print only errors.")
    var quiet = false

    @Flag(name: [.short, .long], help: "Print more detail.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }

    func terminal(format: OutputFormat = .text) -> Terminal {
        Terminal(verbosity: quiet ? .quiet : verbose ? .verbose : .normal, format: format, pathPrefix: pathPrefix)
    }

    /// The project folder as a prefix for the files its diagnostics name (`content/…`, `themes/…`).
    var pathPrefix: String { root == "." ? "" : root.hasSuffix("/") ? root : root + "/" }

    func options(output: String? = nil) -> BuildOptions {
        BuildOptions(
            root: URL(fileURLWithPath: root), output: output.map { URL(fileURLWithPath: $0) }, includeDrafts: drafts,
            strict: strict)
    }
}

extension Sitegen {
    /// `sitegen build`.
    struct Build: ParsableCommand, FormattedCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build content/ with the theme in themes/ into output/.",
            discussion: "On failure the previous output is left exactly as it was."
        )

        @OptionGroup var arguments: BuildArguments

        @Option(name: .long, help: ArgumentHelp("Where to write the site (default: <root>/output).", valueName: "dir"))
        var output: String?

        @Option(help: OutputFormat.help)
        var format: OutputFormat = .text

        @Flag(
            name: .long,
            help: "Render every page, even those the build record shows are unchanged since the last build.")
        var clean = false

        var pathPrefix: String { arguments.pathPrefix }

        func run() throws {
            let terminal = arguments.terminal(format: format)
            let clock = ContinuousClock()
            let start = clock.now
            var options = arguments.options(output: output)
            options.clean = clean
            options.progress = terminal.progressLine(label: "rendering pages")
            options.notice = { terminal.note($0) }
            terminal.detail("project: \(options.root.path)")
            terminal.detail("output: \(options.output.path)\(arguments.drafts ? " (with drafts)" : "")")
            let report = try SiteBuilder.build(options)
            terminal.endProgress()
            report.warnings.forEach(terminal.report)
            report.notes.forEach(terminal.note)
            let elapsed = (clock.now - start).elapsedText
            let warnings =
                report.warnings.isEmpty
                ? "" : ", \(report.warnings.count) warning\(report.warnings.count == 1 ? "" : "s")"
            if report.upToDate {
                terminal.say(
                    "\(report.output)/ is up to date: nothing changed since the last build of its \(report.pages) pages (\(report.files) files), checked in \(elapsed)\(warnings)"
                )
            } else {
                let rendered = report.rendered == report.pages ? "" : ", \(report.rendered) rendered"
                terminal.say(
                    "built \(report.pages) pages (\(report.files) files\(rendered)) into \(report.output)/ in \(elapsed)\(warnings)"
                )
            }
            if format == .json {
                var document = MachineReport(command: "build", failed: false, problems: report.warnings)
                (document.notes, document.pages, document.rendered, document.files, document.output) =
                    (report.notes, report.pages, report.rendered, report.files, report.output)
                document.print()
            }
        }
    }

    /// `sitegen serve`.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build in memory, serve the site, and rebuild and reload open pages when files change.",
            discussion: "Nothing is written to output/. Stop with Ctrl-C."
        )

        @OptionGroup var arguments: BuildArguments

        @Option(name: .long, help: "The port to listen on.")
        var port: UInt16 = 8000

        @Option(name: .long, help: "The IPv4 address to listen on; keep the loopback default unless you mean to share.")
        var host: String = "127.0.0.1"

        func run() async throws {
            let terminal = arguments.terminal()
            let server: DevServer
            do {
                server = try DevServer(
                    options: arguments.options(), address: .init(host: host, port: port), log: { terminal.say($0) })
            } catch {
                // A --host that is no address is a usage error (exit status 2), like any other bad option.
                throw ValidationError(
                    error.diagnostics.map { [$0.message, $0.hint].compactMap { $0 }.joined(separator: "; ") }
                        .joined(separator: "\n"))
            }
            let task = Task { try await server.run() }
            // Ctrl-C stops the server cleanly instead of killing the process mid-response.
            signal(SIGINT, SIG_IGN)
            let interrupt = DispatchSource.makeSignalSource(signal: SIGINT)
            interrupt.setEventHandler { task.cancel() }
            interrupt.resume()
            Task {
                try await server.waitUntilListening()
                terminal.say("serving on http://\(host):\(await server.port ?? port)/ (Ctrl-C to stop)")
            }
            let result = await task.result
            await server.stop()
            if case .failure(let error) = result { throw error }
            terminal.say("stopped")
        }
    }

    /// `sitegen new`.
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a content file from the theme's starter, refusing to overwrite.")

        @Argument(help: "Which of the theme's starters to use (the default theme has `page` and `note`).")
        var kind: String

        @Argument(help: "Its path under content/, without .md (for example `tips` or `notes/mentor`).")
        var name: String

        @Option(name: .long, help: ArgumentHelp("The project folder.", valueName: "dir"))
        var root: String = "."

        func run() throws {
            let path = try Scaffold.create(kind, name: name, root: URL(fileURLWithPath: root))
            print("created \(path)")
        }
    }
}
