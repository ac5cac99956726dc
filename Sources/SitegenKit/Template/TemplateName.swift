/// A name templates look up (`title` in `{{page.title}}`), with a key worked out once from its text.
///
/// Every variable of every page is resolved by comparing its name with the names an object has. Two different
/// short strings compare through a call into the standard library; their keys, the length and first bytes of
/// the text, tell most of them apart with one integer comparison, and the text decides only when keys agree.
struct TemplateName: Sendable, Equatable {
    /// The name as written.
    let text: String
    /// The text's length in the top byte, its first seven bytes below.
    let key: UInt64

    init(_ text: String) {
        self.text = text
        var key = UInt64(truncatingIfNeeded: min(text.utf8.count, 255)) << 56
        for (position, byte) in text.utf8.prefix(7).enumerated() { key |= UInt64(byte) << (8 * position) }
        self.key = key
    }

    static func == (lhs: TemplateName, rhs: TemplateName) -> Bool { lhs.key == rhs.key && lhs.text == rhs.text }
}
