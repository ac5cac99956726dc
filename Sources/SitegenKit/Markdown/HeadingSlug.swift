/// Stable heading anchors: lowercase letters and digits, with every other run of characters folded into one `-`.
struct HeadingSlug {
    private var used: [String: Int] = [:]

    /// The anchor for a heading text, made unique within the page by a `-2`, `-3`... suffix.
    mutating func next(for text: String) -> String {
        let base = Self.slug(text)
        let count = used[base, default: 0] + 1
        used[base] = count
        return count == 1 ? base : "\(base)-\(count)"
    }

    /// The anchor for a heading text before de-duplication (`"Why it works"` → `why-it-works`).
    static func slug(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.append(character)
            } else {
                pendingDash = true
            }
        }
        return result.isEmpty ? "section" : result
    }
}
