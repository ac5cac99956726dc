import Mustache

extension Theme {
    /// What a Mustache parse error means and what to do about it, in the author's terms.
    static func explain(_ error: any Error) -> (message: String, hint: String) {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect:
            ("a section is closed with a different name than it was opened with", "close {{#name}} with {{/name}}")
        case .unfinishedName:
            ("a tag is not finished", "end every tag with }} (or }}} for {{{name}}})")
        case .expectedSectionEnd:
            ("a section is never closed", "add the matching {{/name}} for each {{#name}} or {{^name}}")
        case .invalidSetDelimiter:
            ("a delimiter change is malformed", "write it as {{=<% %>=}}")
        case .transformAppliedToInheritanceSection:
            ("a transform is applied to a block", "blocks ({{$name}}) take no transform")
        case .illegalTokenInsideInheritSection, .textInsideInheritSection:
            (
                "a template that inherits from a parent has content outside its blocks",
                "inside {{<parent}}...{{/parent}} put only {{$block}}...{{/block}} overrides"
            )
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable:
            ("an unknown or malformed pragma", "the only pragma is {{% CONTENT_TYPE: TEXT}} (or HTML)")
        case nil:
            ("\(error)", "check the tag at this position")
        }
    }
}
