/// Stable heading anchors: lowercase letters and digits, with every other run of characters folded into one `-`.
struct HeadingSlug {
    /// Every id handed out so far on the page, with the last suffix tried for it as a slug (1 when none was), so
    /// repeats do not probe from `-2` again. One table instead of two: every heading of every page comes here,
    /// and a new slug, the usual case, then costs one hash lookup.
    private var issued: [String: Int] = [:]

    /// Slugs for a page with about `count` headings, sized so the table does not grow on the way.
    init(count: Int = 0) {
        issued.reserveCapacity(count)
    }

    /// The anchor for a heading text, made unique within the page by a `-2`, `-3`... suffix. A suffixed id can
    /// equal another heading's own slug ("A", "A!" and "A 2" all start from `a` or `a-2`), so every id issued
    /// is checked, not only the slugs.
    mutating func next(for text: String) -> String {
        let base = Self.slug(text)
        guard var suffix = issued.updateValue(1, forKey: base) else { return base }
        var id: String
        repeat {
            suffix += 1
            id = "\(base)-\(suffix)"
        } while issued[id] != nil
        issued[base] = suffix
        issued[id] = 1
        return id
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
        var text = text
        return text.withUTF8 { bytes -> String? in
            // The slug is never longer than the text: each byte is kept, dropped, or one of a run made a `-`.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { result -> String? in
                var count = 0
                var pendingDash = false
                for byte in bytes {
                    guard byte < 0x80 else { return nil }
                    let lower = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
                    if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) {
                        if pendingDash && count > 0 {
                            result[count] = UInt8(ascii: "-")
                            count += 1
                        }
                        pendingDash = false
                        result[count] = lower
                        count += 1
                    } else {
                        pendingDash = true
                    }
                }
                return count == 0
                    ? "section" : String(decoding: UnsafeBufferPointer(rebasing: result[..<count]), as: UTF8.self)
            }
        }
    }
}
