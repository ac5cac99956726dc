import ArgumentParser
import Foundation
import SitegenKit

/// How `build` and `check` report: for people, as one JSON document, or as GitHub Actions workflow commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// Lines for a terminal (the default).
    case text
    /// One JSON document on standard output, nothing else (schema in the README, "Output for machines").
    case json
    /// `::error file=…,line=…,col=…::message` lines, which GitHub shows on the lines of a pull request.
    case github
}

extension OutputFormat {
    static let help = ArgumentHelp(
        "How to report: text, json (one document on standard output), or github (workflow commands for pull requests).",
        valueName: "format")
}

/// A command that reports in an `OutputFormat`.
protocol FormattedCommand {
    var format: OutputFormat { get }
    /// What to put before a diagnostic's file to name it from the working folder, as GitHub wants: the project
    /// folder for `build --root DIR`, whose diagnostics name files inside it.
    var pathPrefix: String { get }
}

/// The JSON document `--format json` prints. Keys are stable; new ones may be added.
struct MachineReport: Encodable {
    struct Problem: Encodable {
        var severity: String
        var file: String
        var line: Int?
        var column: Int?
        var message: String
        var hint: String?

        init(_ diagnostic: Diagnostic) {
            severity = diagnostic.severity.rawValue
            file = diagnostic.location.file
            line = diagnostic.location.line > 0 ? diagnostic.location.line : nil
            column = diagnostic.location.column > 0 ? diagnostic.location.column : nil
            message = diagnostic.message
            hint = diagnostic.hint
        }
    }

    /// `build` or `check`.
    var command: String
    /// `ok`, or `failed` when the exit status is 1.
    var status: String
    /// Errors and warnings, in the order the text output gives them.
    var problems: [Problem]
    /// Things skipped and why (build only).
    var notes: [String]?
    /// Pages built or checked.
    var pages: Int?
    /// Pages this build rendered; the others were carried over unchanged (build only).
    var rendered: Int?
    /// Files written (build only).
    var files: Int?
    /// URLs checked (check only).
    var links: Int?
    /// Where the site was written (build only).
    var output: String?

    init(command: String, failed: Bool, problems: [Diagnostic]) {
        self.command = command
        self.status = failed ? "failed" : "ok"
        self.problems = problems.map(Problem.init)
    }

    /// Prints the document on standard output.
    func print() {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }
}

extension Diagnostic {
    /// The diagnostic as a GitHub Actions workflow command: `::error file=…,line=…,col=…,title=…::message`, its
    /// file named from the working folder (`pathPrefix` before it).
    func workflowCommand(pathPrefix: String = "") -> String {
        var properties = ["file=\(Self.property(pathPrefix + location.file))"]
        if location.line > 0 { properties.append("line=\(location.line)") }
        if location.column > 0 { properties.append("col=\(location.column)") }
        properties.append("title=\(Self.property("sitegen: " + message))")
        let text = message + (hint.map { "\n" + "hint: " + $0 } ?? "")
        return "::\(severity == .error ? "error" : "warning") \(properties.joined(separator: ","))::\(Self.data(text))"
    }

    /// A command's message, with `%`, CR and LF escaped as the runner expects.
    private static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A property value, which must also escape `:` and `,`.
    private static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
