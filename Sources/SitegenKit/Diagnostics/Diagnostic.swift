/// One problem found in the content or the theme, with where it is and what to do about it.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a problem is.
    public enum Severity: String, Sendable, Hashable {
        /// The build cannot go on.
        case error
        /// The build goes on, unless `--strict` makes warnings errors.
        case warning
    }

    /// Error or warning.
    public var severity: Severity
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong.
    public var message: String
    /// What the author can do about it, if sitegen knows.
    public var hint: String?
    /// The offending source line, quoted under the message with a caret.
    public var sourceLine: String?

    /// Creates a diagnostic.
    public init(
        _ location: SourceLocation, _ message: String, hint: String? = nil, sourceLine: String? = nil,
        severity: Severity = .error
    ) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
        self.sourceLine = sourceLine
    }

    /// The text printed to the terminal: `file:line:column: error: message`, the quoted line with a caret, and the hint.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let sourceLine {
            // A long line is cut to a window around the caret, so a minified or generated line stays readable.
            var shown = Array(sourceLine)
            var caretColumn = max(location.column, 1)
            let width = 100
            if shown.count > width {
                let start = max(0, min(caretColumn - 1 - width / 2, shown.count - width))
                let end = min(shown.count, start + width)
                shown = (start > 0 ? Array("…") : []) + shown[start..<end] + (end < shown.count ? Array("…") : [])
                caretColumn -= start - (start > 0 ? 1 : 0)
            }
            text += "\n    \(String(shown))\n    \(String(repeating: " ", count: caretColumn - 1))^"
        }
        if let hint {
            text += "\n  hint: \(hint)"
        }
        return text
    }
}
