import CCmark
import Foundation

/// Renders CommonMark with libcmark: smart punctuation, UTF-8 validation, raw HTML left out.
///
/// This is the only file that sees cmark. Each call parses, edits and renders one tree and frees it before
/// returning, so no cmark pointer outlives the call.
public struct MarkdownRenderer: Sendable {
    /// Options for parsing and rendering. `CMARK_OPT_UNSAFE` is deliberately absent: raw HTML is replaced by a comment.
    private let options = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8

    /// Creates a renderer.
    public init() {}

    /// Renders `markdown`, whose first line is line `firstLine` of its file.
    /// - Parameters:
    ///   - rewriteLink: the URL to write for a destination, or nil to keep it as written.
    ///   - embed: the HTML for `<!-- sitegen:NAME -->`, or nil when there is no such embed.
    public func render(
        _ markdown: String,
        firstLine: Int = 1,
        rewriteLink: (String) -> String?,
        embed: (String) -> String?
    ) -> MarkdownDocument {
        let lineOffset = firstLine - 1
        guard let root = markdown.withCString({ cmark_parse_document($0, strlen($0), options) }) else {
            return MarkdownDocument(html: "", headings: [], links: [], unknownEmbeds: [])
        }
        defer { cmark_node_free(root) }

        var headings: [OpaquePointer] = []
        var embeds: [OpaquePointer] = []
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
                    if embed(name) != nil {
                        embeds.append(node)
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

        var slugs = HeadingSlug()
        var headingInfo: [MarkdownDocument.Heading] = []
        for node in headings {
            let level = Int(cmark_node_get_heading_level(node))
            let text = Self.plainText(of: node)
            let id = slugs.next(for: text)
            headingInfo.append(
                .init(level: level, id: id, text: text))
            // cmark cannot put attributes on a heading, so render the heading alone, add the id, and splice the
            // result back as a literal block (custom blocks are emitted as they are, even in safe mode).
            var rendered = renderHTML(node)
            while rendered.last == "\n" { rendered.removeLast() }
            let opening = "<h\(level)>"
            let html = "<h\(level) id=\"\(id)\">" + rendered.dropFirst(rendered.hasPrefix(opening) ? opening.count : 0)
            replace(node, withLiteral: html)
        }
        for node in embeds {
            let name = Self.embedName(Self.string(cmark_node_get_literal(node)))!
            replace(node, withLiteral: embed(name)!)
        }

        return MarkdownDocument(
            html: renderHTML(root), headings: headingInfo, links: links, unknownEmbeds: unknownEmbeds)
    }

    /// Renders `markdown` with libcmark alone, with the same options and none of sitegen's work (no link
    /// rewriting, ids or embeds): the floor the benchmark compares the full pipeline against.
    public func bareHTML(_ markdown: String) -> String {
        guard let buffer = markdown.withCString({ cmark_markdown_to_html($0, strlen($0), options) }) else { return "" }
        defer { free(buffer) }
        return String(cString: buffer)
    }

    /// Renders a node to HTML, freeing cmark's buffer.
    private func renderHTML(_ node: OpaquePointer) -> String {
        guard let buffer = cmark_render_html(node, options) else { return "" }
        defer { free(buffer) }
        return String(cString: buffer)
    }

    /// Puts a custom block holding `html` in place of `node`, and frees `node`.
    private func replace(_ node: OpaquePointer, withLiteral html: String) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
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
