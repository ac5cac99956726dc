import ArgumentParser
import Foundation
import SitegenKit

extension Sitegen {
    /// `sitegen check`.
    struct Check: ParsableCommand, FormattedCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a built site the way a static host serves it: links, anchors, requests, titles.",
            discussion: """
                Every internal link and #anchor must lead to a file and element inside the folder; no URL may leave \
                the folder, name a folder, or start with /; no page may load anything from another host; every page \
                needs a <title>, an <html lang> and a description. Every problem is listed.

                Exit status: 0 when the site is clean, 1 when there are problems, 2 for usage errors.
                """
        )

        @Argument(help: ArgumentHelp("The built site to check.", valueName: "dir"))
        var directory: String = "output"

        @Option(help: OutputFormat.help)
        var format: OutputFormat = .text

        /// Its diagnostics already name files from the working folder (`output/…`).
        var pathPrefix: String { "" }

        // A folder that does not exist is a usage error (exit 2), not a problem in the site.
        func validate() throws {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
                throw ValidationError(
                    "there is no folder \(directory) to check: build the site first (`sitegen build`), "
                        + "or name the folder it is in")
            }
        }

        func run() throws {
            let checker = SiteChecker(directory: URL(fileURLWithPath: directory), displayPath: directory)
            let report = try checker.check()
            if format == .json {
                var document = MachineReport(
                    command: "check", failed: !report.problems.isEmpty, problems: report.problems)
                (document.pages, document.links) = (report.pages, report.links)
                document.print()
                if !report.problems.isEmpty { throw ExitCode(1) }
                return
            }
            guard report.problems.isEmpty else { throw SitegenError(report.problems) }
            print(report.summary)
        }
    }
}
