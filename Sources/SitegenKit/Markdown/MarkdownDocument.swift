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
        /// Line in the source file.
        public var line: Int
        /// Column in the source file.
        public var column: Int
    }

    /// The rendered body.
    public var html: String
    /// Every heading, in order.
    public var headings: [Heading]
    /// Every link and image destination, in order.
    public var links: [Link]
    /// Embed comments (`<!-- sitegen:NAME -->`) that name no known embed: name, line and column.
    public var unknownEmbeds: [Link]
}
