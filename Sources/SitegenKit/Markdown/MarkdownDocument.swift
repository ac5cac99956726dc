/// What rendering a page's Markdown produced: its HTML and what the rest of the pipeline needs to know about it.
public struct MarkdownDocument: Sendable {
    /// A heading, with the `id` written on it.
    public struct Heading: Sendable, Equatable {
        /// 1 to 6.
        public var level: Int
        /// The anchor, unique within the page.
        public var id: String
        /// The heading's plain text.
        public var text: String
    }

    /// A link or image destination as the author wrote it, with where it was written.
    public struct Link: Sendable, Equatable {
        /// The destination, unchanged.
        public var destination: String
        /// The line of the source file where the link's block (paragraph, list item...) starts: the link is on
        /// that line or below it.
        public var blockLine: Int

        /// The line and column of the destination in `fileText`, the whole source file. cmark does not record
        /// where inline nodes are, so the text is searched from `blockLine`: only when a link is reported, since
        /// doing it for every link was a visible share of build time.
        public func position(in fileText: String) -> (line: Int, column: Int) {
            SourceText(fileText).locate(destination, fromLine: blockLine)
        }
    }

    /// An embed comment (`<!-- sitegen:NAME -->`) and where it starts.
    public struct Embed: Sendable, Equatable {
        /// The name after `sitegen:`.
        public var name: String
        /// Line in the source file.
        public var line: Int
        /// Column in the source file.
        public var column: Int
    }

    /// The rendered body, as UTF-8: it goes into the page as bytes.
    public var htmlBytes: [UInt8]
    /// The rendered body as text.
    public var html: String { String(decoding: htmlBytes, as: UTF8.self) }
    /// Every heading, in order.
    public var headings: [Heading]
    /// Every link and image destination, in order.
    public var links: [Link]
    /// Embed comments that name no known embed.
    public var unknownEmbeds: [Embed]
}
