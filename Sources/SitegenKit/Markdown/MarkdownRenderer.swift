import CCmark
import CCmarkArena
import Foundation

/// Renders CommonMark with libcmark: smart punctuation, raw HTML left out.
///
/// This is the only file that sees cmark. Each call parses, edits and renders one tree in an arena of its own
/// and closes the arena before returning, which frees the tree and its HTML, so no cmark pointer outlives the call.
@_spi(Benchmark) public struct MarkdownRenderer: Sendable {
    /// Options for parsing and rendering. `CMARK_OPT_UNSAFE` is deliberately absent: raw HTML is replaced by a comment.
    /// `CMARK_OPT_VALIDATE_UTF8` is too: a Swift string is valid UTF-8 (every page's bytes were checked when it was
    /// read), so cmark's own check of each line would be the same work again.
    private let options = CMARK_OPT_SMART
    /// The floor's options: it hands cmark bytes no one has checked, so cmark validates them.
    private let bareOptions = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8

    /// Creates a renderer.
    public init() {}

    /// Renders `markdown`, whose first line is line `firstLine` of its file.
    /// - Parameters:
    ///   - rewriteLink: the URL to write for a destination, or nil to keep it as written; called once for each
    ///     link, in the order of the document's `links`.
    ///   - embed: the HTML for `<!-- sitegen:NAME -->`, or nil when there is no such embed.
    func render(
        _ markdown: String,
        firstLine: Int = 1,
        rewriteLink: (String) -> String?,
        embed: (String) -> String?
    ) -> MarkdownDocument {
        let lineOffset = firstLine - 1
        // Every node, string and buffer of this parse and render comes from the arena, and all of it goes when
        // the arena closes: a page's allocations die together, so no `cmark_node_free` walks the tree.
        let outer = sitegen_arena_open()
        defer { sitegen_arena_close(outer) }
        let memory = sitegen_arena_mem()
        guard let root = Self.parse(markdown, options: options, memory: memory) else {
            return MarkdownDocument(htmlBytes: [], headings: [], links: [], unknownEmbeds: [])
        }

        var headings: [OpaquePointer] = []
        var embeds: [(node: OpaquePointer, html: String)] = []
        var links: [MarkdownDocument.Link] = []
        var unknownEmbeds: [MarkdownDocument.Embed] = []

        // Walk once, rewriting link URLs in place and collecting the nodes that will be replaced, since
        // replacing nodes while the iterator stands on them is unsafe.
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        var lastBlockLine = 1
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let line = Int(cmark_node_get_start_line(node))
            if line > 0 { lastBlockLine = line }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                headings.append(node)
            case CMARK_NODE_HTML_BLOCK:
                if let name = Self.embedName(Self.string(cmark_node_get_literal(node))) {
                    if let html = embed(name) {
                        embeds.append((node, html))
                    } else {
                        let column = Int(cmark_node_get_start_column(node))
                        unknownEmbeds.append(.init(name: name, line: line + lineOffset, column: column))
                    }
                }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let destination = Self.string(cmark_node_get_url(node))
                links.append(.init(destination: destination, blockLine: lastBlockLine + lineOffset))
                if let href = rewriteLink(destination) {
                    cmark_node_set_url(node, href)
                }
            default:
                break
            }
        }

        var slugs = HeadingSlug(count: headings.count)
        let headingInfo = headings.map { node in
            let text = Self.plainText(of: node)
            return MarkdownDocument.Heading(
                level: Int(cmark_node_get_heading_level(node)), id: slugs.next(for: text), text: text)
        }
        // Embeds become markers in the tree and go in after rendering, so the pass that adds heading ids never
        // sees headings inside them.
        for (node, _) in embeds { replace(node, withLiteral: Self.embedMarker, memory: memory) }
        let html = withHTML(of: root) {
            Self.splice($0, headingIDs: headingInfo.map(\.id), embeds: embeds.map(\.html))
        }
        return MarkdownDocument(htmlBytes: html, headings: headingInfo, links: links, unknownEmbeds: unknownEmbeds)
    }

    /// What opens a heading's id, up to its value.
    private static let idAttribute = Array(" id=\"".utf8)

    /// Stands for an embed in the rendered tree. With raw HTML off, cmark writes `<!--` only for literal blocks.
    private static let embedMarker = "<!--sitegen:embed-->"

    /// Adds `id="..."` to each heading's opening tag and puts each embed's HTML in place of its marker, in one
    /// pass over the rendered HTML. cmark cannot put attributes on a heading; with raw HTML off, `<h1>`...`<h6>`
    /// without attributes come only from headings, in document order.
    ///
    /// cmark starts every block on a line of its own (its renderer ends the line before a block's opening tag),
    /// and with raw HTML off and text escaped no other line starts `<h1>`...`<h6>` or the marker, so only the
    /// starts of lines are looked at: a page has a few dozen lines, and a tag wherever there is inline markup.
    private static func splice(_ bytes: UnsafeBufferPointer<UInt8>, headingIDs: [String], embeds: [String]) -> [UInt8] {
        guard !headingIDs.isEmpty || !embeds.isEmpty, let base = bytes.baseAddress else { return Array(bytes) }
        let marker = Array(embedMarker.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + headingIDs.count * 24 + embeds.reduce(0) { $0 + $1.utf8.count })
        var heading = 0
        var embed = 0
        var copied = 0
        // Always the start of a line.
        var index = 0
        while index < bytes.count, heading < headingIDs.count || embed < embeds.count {
            if heading < headingIDs.count, index + 3 < bytes.count, bytes[index] == UInt8(ascii: "<"),
                bytes[index + 1] == UInt8(ascii: "h"),
                (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[index + 2]),
                bytes[index + 3] == UInt8(ascii: ">")
            {
                output += UnsafeBufferPointer(rebasing: bytes[copied..<index + 3])
                output += Self.idAttribute
                output += headingIDs[heading].utf8
                output.append(UInt8(ascii: "\""))
                heading += 1
                copied = index + 3
            } else if embed < embeds.count, bytes[index...].starts(with: marker) {
                output += UnsafeBufferPointer(rebasing: bytes[copied..<index])
                output += embeds[embed].utf8
                index += marker.count
                // cmark ends the marker's line; HTML that ends its own last line (or is empty) needs no other.
                let skipsLineEnd =
                    (embeds[embed].isEmpty || embeds[embed].hasSuffix("\n")) && index < bytes.count
                    && bytes[index] == UInt8(ascii: "\n")
                embed += 1
                if skipsLineEnd {
                    index += 1
                    copied = index
                    continue
                }
                copied = index
            }
            guard let found = memchr(base + index, Int32(UInt8(ascii: "\n")), bytes.count - index) else { break }
            index = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        output += UnsafeBufferPointer(rebasing: bytes[copied...])
        return output
    }

    /// Renders `markdown` (UTF-8) with libcmark alone, validating it there, and none of sitegen's work (no link
    /// rewriting, ids or embeds), and hands the HTML to `body` before freeing it: the floor the benchmark compares
    /// the full pipeline against, so it works on bytes with no copies.
    public func withBareHTML<Result>(
        of markdown: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result {
        let buffer = markdown.withMemoryRebound(to: CChar.self) {
            cmark_markdown_to_html($0.baseAddress, $0.count, bareOptions)
        }
        guard let buffer else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        defer { free(buffer) }
        let count = strlen(buffer)
        return try buffer.withMemoryRebound(to: UInt8.self, capacity: count) {
            try body(UnsafeBufferPointer(start: $0, count: count))
        }
    }

    /// Parses `markdown` with `memory` for every allocation.
    private static func parse(_ markdown: String, options: Int32, memory: UnsafeMutablePointer<cmark_mem>)
        -> OpaquePointer?
    {
        guard let parser = cmark_parser_new_with_mem(options, memory) else { return nil }
        defer { cmark_parser_free(parser) }
        // The byte count, not strlen: a NUL inside the text must not cut it short (libcmark reads it as U+FFFD).
        markdown.withCString { cmark_parser_feed(parser, $0, markdown.utf8.count) }
        return cmark_parser_finish(parser)
    }

    /// Renders a node to HTML as UTF-8 bytes (cmark writes valid UTF-8 from valid input) and hands them to `body`:
    /// the ids and embeds go in on the way out of cmark's buffer, so the page is copied once. The buffer is the
    /// node's arena's, freed with it.
    private func withHTML<Result>(of node: OpaquePointer, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard let buffer = cmark_render_html(node, options) else {
            return body(UnsafeBufferPointer(start: nil, count: 0))
        }
        let count = strlen(buffer)
        return buffer.withMemoryRebound(to: UInt8.self, capacity: count) {
            body(UnsafeBufferPointer(start: $0, count: count))
        }
    }

    /// Puts a custom block holding `html`, allocated from `memory`, in place of `node`, and frees `node`.
    private func replace(_ node: OpaquePointer, withLiteral html: String, memory: UnsafeMutablePointer<cmark_mem>) {
        guard let block = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, memory) else { return }
        cmark_node_set_on_enter(block, html)
        if cmark_node_replace(node, block) == 1 {
            cmark_node_free(node)
        } else {
            cmark_node_free(block)
        }
    }

    /// The text of a node's inline content, as a reader sees it.
    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += string(cmark_node_get_literal(child))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }

    /// The name in an embed comment `<!-- sitegen:NAME -->`, or nil for any other HTML.
    static func embedName(_ html: String) -> String? {
        let trimmed = html.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->") else { return nil }
        let inner = trimmed.dropFirst(4).dropLast(3).trimmingCharacters(in: .whitespaces)
        guard inner.hasPrefix("sitegen:") else { return nil }
        let name = String(inner.dropFirst("sitegen:".count))
        return name.isEmpty ? nil : name
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
