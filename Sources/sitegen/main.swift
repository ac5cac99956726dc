import ArgumentParser
import Foundation
import SitegenKit

#if canImport(CMimalloc)
    // Linking it is the point: mimalloc then serves every allocation of the process.
    import CMimalloc

    LargePages.enable()
#endif

/// Runs an async command; spelled as a function because top-level code resolves `run()` to the synchronous
/// requirement, which for async commands only prints help.
func runAsync(_ command: inout some AsyncParsableCommand) async throws {
    try await command.run()
}

/// Usage errors (and `--help`, `--version`) end here; exit codes are part of the interface:
/// 0 success, 1 content or theme errors, 2 usage errors.
func exitForUsage(_ error: any Error) -> Never {
    if Sitegen.exitCode(for: error) == .success {
        Sitegen.exit(withError: error)  // --help and --version
    }
    FileHandle.standardError.write(Data((Sitegen.fullMessage(for: error) + "\n").utf8))
    exit(2)
}

/// `--format json` for a failed command: the document, then exit status 1.
func failedReport(_ problems: [Diagnostic], of command: any ParsableCommand) -> Never {
    MachineReport(command: command is Sitegen.Check ? "check" : "build", failed: true, problems: problems).print()
    exit(1)
}

var command: any ParsableCommand
do {
    command = try Sitegen.parseAsRoot()
} catch {
    exitForUsage(error)
}
let format = (command as? any FormattedCommand)?.format ?? .text
let terminal = Terminal(
    verbosity: .normal, format: format, pathPrefix: (command as? any FormattedCommand)?.pathPrefix ?? "")
do {
    if var asyncCommand = command as? any AsyncParsableCommand {
        try await runAsync(&asyncCommand)
    } else {
        try command.run()
    }
} catch let code as ExitCode {
    exit(code.rawValue)
} catch let failure as SitegenError {
    if format == .json {
        failedReport(failure.diagnostics, of: command)
    }
    failure.diagnostics.forEach(terminal.report)
    if command is Sitegen.Check {
        terminal.failure(SiteChecker.Report.summary(of: failure.diagnostics))
    } else if command is Sitegen.Build {
        let errors = failure.diagnostics.count
        let state = failure.outputUnchanged ? "output left unchanged" : "see above for where the previous output is"
        terminal.failure("build failed: \(errors) problem\(errors == 1 ? "" : "s"); \(state)")
    }
    exit(1)
} catch {
    exitForUsage(error)
}
