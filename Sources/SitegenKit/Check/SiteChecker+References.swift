/// Finding the URLs a page or style sheet refers to: which attributes hold them, `srcset` lists, and CSS `url()`.
extension SiteChecker {
    /// One URL a file refers to, with where it is written.
    struct Reference: Hashable, Sendable {
        /// Whether following the URL is up to the reader (a link) or the browser fetches it with the page.
        enum Kind: Hashable, Sendable {
            /// `<a href>` and the like: the reader may follow it, so other sites are fine.
            case navigation
            /// Fetched when the page loads (style sheets, scripts, images, frames…): it must come from the site.
            case resource
        }

        var url: String
        var kind: Kind
        var line: Int
        var column: Int
    }

    /// `<link rel>` keywords that make the browser fetch (or connect to) the linked URL.
    static let fetchingLinkTypes: Set<String> = [
        "stylesheet", "icon", "apple-touch-icon", "apple-touch-icon-precomposed", "mask-icon", "manifest",
        "preload", "modulepreload", "prefetch", "prerender", "preconnect", "dns-prefetch",
    ]

    /// The URLs in the attributes of `tag`, including `url()` in its `style` attribute.
    static func references(in tag: HTMLScanner.Tag) -> [Reference] {
        var references: [Reference] = []
        func add(_ name: String, _ kind: Reference.Kind) {
            if let attribute = tag.attribute(name) {
                references.append(
                    Reference(url: attribute.value, kind: kind, line: attribute.line, column: attribute.column))
            }
        }
        func addSrcset(_ name: String) {
            guard let attribute = tag.attribute(name) else { return }
            for url in srcsetURLs(attribute.value) {
                references.append(Reference(url: url, kind: .resource, line: attribute.line, column: attribute.column))
            }
        }
        switch tag.name {
        case "a":
            add("href", .navigation)
            add("xlink:href", .navigation)  // SVG 1.1 links
        case "area":
            add("href", .navigation)
        case "link":
            let types = (tag["rel"] ?? "").lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
            add("href", types.contains(where: fetchingLinkTypes.contains) ? .resource : .navigation)
            addSrcset("imagesrcset")
        case "script", "iframe", "frame", "embed", "audio", "track":
            add("src", .resource)
        case "img", "source":
            add("src", .resource)
            addSrcset("srcset")
        case "video":
            add("src", .resource)
            add("poster", .resource)
        case "input":
            add("src", .resource)
            add("formaction", .navigation)
        case "button":
            add("formaction", .navigation)
        case "form":
            add("action", .navigation)
        case "object":
            add("data", .resource)
        case "image", "use", "feimage":  // SVG elements that load what they point at
            add("href", .resource)
            add("xlink:href", .resource)
        default:
            break
        }
        if let style = tag.attribute("style") {
            // Character references make offsets inside the value unreliable, so these point at the attribute.
            for (url, _) in cssURLs(in: style.value) {
                references.append(Reference(url: url, kind: .resource, line: style.line, column: style.column))
            }
        }
        return references
    }

    /// The URLs of a `srcset` list (`a.png 1x, b.png 2x`), following the HTML parsing rules: a URL runs to
    /// whitespace, so it may contain commas, and descriptors run to the next comma outside parentheses.
    static func srcsetURLs(_ value: String) -> [String] {
        let scalars = Array(value.unicodeScalars)
        var urls: [String] = []
        var index = 0
        while true {
            while index < scalars.count, scalars[index] == "," || scalars[index].properties.isWhitespace {
                index += 1
            }
            guard index < scalars.count else { return urls }
            let start = index
            while index < scalars.count, !scalars[index].properties.isWhitespace {
                index += 1
            }
            var url = String(String.UnicodeScalarView(scalars[start..<index]))
            if url.hasSuffix(",") {
                while url.hasSuffix(",") { url.removeLast() }
            } else {
                var inParentheses = false
                while index < scalars.count {
                    let scalar = scalars[index]
                    index += 1
                    if scalar == "(" { inParentheses = true }
                    if scalar == ")" { inParentheses = false }
                    if scalar == ",", !inParentheses { break }
                }
            }
            if !url.isEmpty { urls.append(url) }
        }
    }

    /// The URLs a style sheet loads, `url(…)` and `@import "…"`, each with the UTF-8 offset of its first character.
    /// Comments and other strings are skipped, so a URL mentioned in a comment is not one.
    static func cssURLs(in css: String) -> [(url: String, offset: Int)] {
        let bytes = Array(css.utf8)
        var urls: [(url: String, offset: Int)] = []
        var index = 0
        func matches(_ word: String, at offset: Int) -> Bool {
            let word = Array(word.utf8)
            return offset + word.count <= bytes.count
                && zip(bytes[offset..<(offset + word.count)], word).allSatisfy { lowercased($0) == $1 }
        }
        func skipWhitespace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0C, 0x0D].contains(bytes[index]) { index += 1 }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
                index = firstIndex(of: Array("*/".utf8), in: bytes, from: index + 2).map { $0 + 2 } ?? bytes.count
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                index = cssString(bytes, from: index).end
            } else if byte == UInt8(ascii: "@"), matches("@import", at: index) {
                index += 7
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let string = cssString(bytes, from: index)
                    urls.append((string.value, index + 1))
                    index = string.end
                }
            } else if lowercased(byte) == UInt8(ascii: "u"), matches("url(", at: index),
                index == 0 || !isCSSNameByte(bytes[index - 1])
            {
                index += 4
                skipWhitespace()
                guard index < bytes.count else { break }
                if bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let string = cssString(bytes, from: index)
                    urls.append((string.value, index + 1))
                    index = string.end
                } else {
                    let start = index
                    var value: [UInt8] = []
                    while index < bytes.count, bytes[index] != UInt8(ascii: ")") {
                        if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count {
                            index += 1
                        }
                        value.append(bytes[index])
                        index += 1
                    }
                    while let last = value.last, [0x20, 0x09, 0x0A, 0x0C, 0x0D].contains(last) { value.removeLast() }
                    urls.append((String(decoding: value, as: UTF8.self), start))
                }
            } else {
                index += 1
            }
        }
        return urls
    }

    /// The string starting at the quote at `start`: its value (a backslash keeps the next character as it is)
    /// and the offset just past it.
    private static func cssString(_ bytes: [UInt8], from start: Int) -> (value: String, end: Int) {
        let quote = bytes[start]
        var value: [UInt8] = []
        var index = start + 1
        while index < bytes.count, bytes[index] != quote, bytes[index] != 0x0A {
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count {
                index += 1
                if bytes[index] == 0x0A {  // an escaped newline continues the string
                    index += 1
                    continue
                }
            }
            value.append(bytes[index])
            index += 1
        }
        return (String(decoding: value, as: UTF8.self), min(index + 1, bytes.count))
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }

    private static func isCSSNameByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            || (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from offset: Int) -> Int? {
        guard offset + needle.count <= bytes.count else { return nil }
        return (offset...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
