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
        if let ascii = asciiSlug(text) { return ascii }
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

    /// `slug` for ASCII text, over its bytes; nil for any other text. Every heading of every page gets a slug,
    /// and for ASCII the Character properties reduce to byte ranges: letters `A-Z a-z`, numbers `0-9`.
    private static func asciiSlug(_ text: String) -> String? {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            let lower = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) {
                if pendingDash && !result.isEmpty { result.append(UInt8(ascii: "-")) }
                pendingDash = false
                result.append(lower)
            } else {
                pendingDash = true
            }
        }
        return result.isEmpty ? "section" : String(decoding: result, as: UTF8.self)
    }
}
