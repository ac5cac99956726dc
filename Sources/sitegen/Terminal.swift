import Foundation
import SitegenKit

/// Writes to the terminal following common conventions: colour only on a terminal and never with `NO_COLOR`,
/// results on standard output, problems on standard error.
struct Terminal: Sendable {
    /// How much to say.
    enum Verbosity: Sendable {
        case quiet, normal, verbose
    }

    let verbosity: Verbosity
    let format: OutputFormat
    /// Put before files in workflow commands (`FormattedCommand.pathPrefix`).
    let pathPrefix: String
    let colour: Bool

    /// In JSON the command prints one document at the end, so nothing else is written; with `github`
    /// diagnostics become workflow commands.
    init(verbosity: Verbosity, format: OutputFormat = .text, pathPrefix: String = "") {
        self.verbosity = format == .json ? .quiet : verbosity
        self.format = format
        self.pathPrefix = pathPrefix
        let noColour = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        self.colour = !noColour && isatty(STDERR_FILENO) == 1
    }

    /// A result line (suppressed by `--quiet`). Written straight to the descriptor, not through `print`'s
    /// buffer, so `serve` logs appear as they happen even when piped.
    func say(_ text: String) {
        guard verbosity != .quiet else { return }
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Detail shown only with `--verbose`.
    func detail(_ text: String) {
        guard verbosity == .verbose else { return }
        FileHandle.standardOutput.write(Data((paint(text, "2") + "\n").utf8))
    }

    /// A note about something skipped (suppressed by `--quiet`).
    func note(_ text: String) {
        guard verbosity != .quiet else { return }
        FileHandle.standardError.write(Data((paint("note:", "36") + " " + text + "\n").utf8))
    }

    /// A diagnostic, coloured by severity; errors are printed even with `--quiet`.
    func report(_ diagnostic: Diagnostic) {
        switch format {
        case .json: return
        case .github:
            FileHandle.standardOutput.write(Data((diagnostic.workflowCommand(pathPrefix: pathPrefix) + "\n").utf8))
            return
        case .text: break
        }
        guard diagnostic.severity == .error || verbosity != .quiet else { return }
        var text = diagnostic.description
        if colour {
            let label = "\(diagnostic.severity.rawValue):"
            text = text.replacingOccurrences(
                of: label, with: paint(label, diagnostic.severity == .error ? "1;31" : "1;33"), options: .anchored,
                range: text.range(of: label))
            text = text.replacingOccurrences(of: "\n  hint:", with: "\n  " + paint("hint:", "36"))
            text = text.replacingOccurrences(of: "    ^", with: "    " + paint("^", "1;32"))
        }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// A progress reporter that rewrites one line on standard error, for builds long enough to need it; nil when
    /// standard error is not a terminal or the output is quiet.
    func progressLine(label: String) -> (@Sendable (Int, Int) -> Void)? {
        guard verbosity != .quiet, isatty(STDERR_FILENO) == 1 else { return nil }
        return { done, total in
            guard total >= 500 else { return }
            FileHandle.standardError.write(Data("\r\(label): \(done)/\(total)".utf8))
        }
    }

    /// Clears the progress line, if one was drawn.
    func endProgress() {
        guard verbosity != .quiet, isatty(STDERR_FILENO) == 1 else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    /// A failure summary line on standard error.
    func failure(_ text: String) {
        guard format != .json else { return }
        FileHandle.standardError.write(Data((paint(text, "1;31") + "\n").utf8))
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
