import ArgumentParser
import Foundation
import SitegenKit

/// The `sitegen` command: parses arguments and hands the work to SitegenKit.
struct Sitegen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "Build a static site from Markdown that works from any folder, any URL sub-path, or from disk.",
        version: SitegenVersion.current,
        subcommands: [Build.self]
    )
}

extension Sitegen {
    /// `sitegen build`.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build content/ with the theme in themes/ into output/.",
            discussion: "Exit status: 0 on success, 1 for content or theme errors, 2 for usage errors."
        )

        @Option(name: .long, help: ArgumentHelp("The project folder holding content/ and themes/.", valueName: "dir"))
        var root: String = "."

        @Option(name: .long, help: ArgumentHelp("Where to write the site (default: <root>/output).", valueName: "dir"))
        var output: String?

        @Flag(name: .long, help: "Include pages marked `draft: true`.")
        var drafts = false

        func run() throws {
            let rootURL = URL(fileURLWithPath: root)
            let options = BuildOptions(
                root: rootURL, output: output.map { URL(fileURLWithPath: $0) }, includeDrafts: drafts)
            let report = try SiteBuilder.build(options)
            print("Built \(report.pages) pages (\(report.files) files) into \(report.output)/")
        }
    }
}
