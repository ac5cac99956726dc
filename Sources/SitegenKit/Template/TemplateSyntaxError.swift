/// A template that does not parse: what is wrong, what to do, and where.
struct TemplateSyntaxError: Error, Equatable {
    /// What is wrong, in the author's terms.
    var message: String
    /// What to write instead.
    var hint: String
    /// UTF-8 offset in the template text of the tag at fault.
    var offset: Int
}

extension SourceFile {
    /// The error as a diagnostic on this file (the template's text), at its line and column.
    func diagnostic(for error: TemplateSyntaxError) -> Diagnostic {
        diagnostic(atByte: error.offset, "Mustache syntax error: \(error.message)", hint: error.hint)
    }

    /// A diagnostic at a tag of this file (a template), by the tag's UTF-8 offset.
    func diagnostic(atByte offset: Int, _ message: String, hint: String? = nil) -> Diagnostic {
        let position = SourceText(text).position(ofByte: offset)
        return diagnostic(line: position.line, column: position.column, message, hint: hint)
    }
}
