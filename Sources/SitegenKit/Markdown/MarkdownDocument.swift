/// What rendering a page's Markdown produced: its HTML and what the rest of the pipeline needs to know about it.
struct MarkdownDocument: Sendable {
    /// A heading, with the `id` written on it.
    struct Heading: Sendable, Equatable {
        /// 1 to 6.
        var level: Int
        /// The anchor, unique within the page.
        var id: String
        /// The heading's plain text.
        var text: String
    }

    /// A link or image destination as the author wrote it, with where it was written.
    struct Link: Sendable, Equatable {
        /// The destination, unchanged.
        var destination: String
        /// The line of the source file where the link's block (paragraph, list item...) starts: the link is on
        /// that line or below it.
        var blockLine: Int

        /// The line and column of the destination in `fileText`, the whole source file. cmark does not record
        /// where inline nodes are, so the text is searched from `blockLine`: only when a link is reported, since
        /// doing it for every link was a visible share of build time.
        func position(in fileText: String) -> (line: Int, column: Int) {
            SourceText(fileText).locate(destination, fromLine: blockLine)
        }
    }

    /// An embed comment (`<!-- sitegen:NAME -->`) and where it starts.
    struct Embed: Sendable, Equatable {
        /// The name after `sitegen:`.
        var name: String
        /// Line in the source file.
        var line: Int
        /// Column in the source file.
        var column: Int
    }

    /// The rendered body, as UTF-8: it goes into the page as bytes.
    var htmlBytes: [UInt8]
    /// The rendered body as text.
    var html: String { String(decoding: htmlBytes, as: UTF8.self) }
    /// Every heading, in order.
    var headings: [Heading]
    /// Every link and image destination, in order.
    var links: [Link]
    /// Embed comments that name no known embed.
    var unknownEmbeds: [Embed]
}
