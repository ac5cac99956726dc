extension Template {
    /// Parses Mustache text. A tag that is malformed, not closed, closed under another name, or asks for
    /// something sitegen does not do (lambdas, pragmas, dynamic partials) is an error at that tag.
    init(parsing text: String) throws(TemplateSyntaxError) {
        let bytes = Array(text.utf8)
        var parser = TreeBuilder(bytes: bytes)
        for token in Self.standingAlone(try Self.tokens(in: bytes), in: bytes) {
            try parser.add(token)
        }
        nodes = try parser.finish()
    }

    /// A run of text without a line break, a line break, or a tag.
    fileprivate enum Token {
        case text(Range<Int>)
        case newline
        case tag(Tag)
    }

    /// A tag: its sigil (`#`, `^`, `/`, `!`, `>`, `<`, `$`, `&`, `{`, `=`, or 0 for a plain variable) and what
    /// stands between the sigil and the closing delimiter, trimmed.
    fileprivate struct Tag {
        var sigil: UInt8
        var content: String
        var offset: Int
        /// The whitespace before a tag that stood alone on its line (the line itself is dropped).
        var indentation: [UInt8] = []
        /// Whether the tag's line was dropped as standalone.
        var standalone = false
        /// For a block tag with only whitespace before it on its line, standalone or not: that whitespace.
        var lineIndentation: [UInt8]?

        /// Tags that leave no trace in the output when they stand alone on a line.
        static let standaloneSigils = Set("#^/!><$=".utf8)
    }

    private static let sigils = Set("#^/!><$&{=%".utf8)
    private static let newline = UInt8(ascii: "\n")

    /// Splits the text into text, line breaks and tags, applying delimiter changes as they come.
    private static func tokens(in bytes: [UInt8]) throws(TemplateSyntaxError) -> [Token] {
        var tokens: [Token] = []
        var open = Array("{{".utf8)
        var close = Array("}}".utf8)
        var index = 0
        var textStart = 0
        while index < bytes.count {
            if bytes[index] == newline {
                if textStart < index { tokens.append(.text(textStart..<index)) }
                tokens.append(.newline)
                index += 1
                textStart = index
                continue
            }
            guard bytes[index] == open[0], bytes[index...].starts(with: open) else {
                index += 1
                continue
            }
            if textStart < index { tokens.append(.text(textStart..<index)) }
            var cursor = index + open.count
            var sigil: UInt8 = 0
            if cursor < bytes.count, sigils.contains(bytes[cursor]) {
                sigil = bytes[cursor]
                cursor += 1
            }
            let closing =
                sigil == UInt8(ascii: "{")
                ? [UInt8(ascii: "}")] + close : sigil == UInt8(ascii: "=") ? [UInt8(ascii: "=")] + close : close
            // Only comments may run over several lines; elsewhere a missing close is found on the same line.
            guard let closeStart = find(closing, in: bytes, from: cursor, acrossLines: sigil == UInt8(ascii: "!"))
            else {
                throw TemplateSyntaxError(
                    message: "a tag is not finished",
                    hint: "end the tag with \(String(decoding: closing, as: UTF8.self)) on the same line",
                    offset: index)
            }
            var tag = Tag(sigil: sigil, content: trimmed(bytes[cursor..<closeStart]), offset: index)
            if sigil == UInt8(ascii: "=") {
                let parts = tag.content.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                    throw TemplateSyntaxError(
                        message: "a delimiter change is malformed", hint: "write it as {{=[[ ]]=}}", offset: index)
                }
                open = Array(parts[0].utf8)
                close = Array(parts[1].utf8)
                tag.content = ""
            }
            tokens.append(.tag(tag))
            index = closeStart + closing.count
            textStart = index
        }
        if textStart < bytes.count { tokens.append(.text(textStart..<bytes.count)) }
        return tokens
    }

    /// Applies Mustache's standalone rule: a line holding only whitespace and one section, comment, partial,
    /// parent, block or delimiter tag is dropped, line break included (`\n` or `\r\n`), leaving just the tag. So
    /// is a line holding only parent and block tags, one of them a parent's: a parent renders nothing of its own
    /// between its tags, so such a line has nothing else to show. A block tag with only whitespace before it on
    /// its line keeps that whitespace as its line indentation, for the lines its content adds.
    private static func standingAlone(_ tokens: [Token], in bytes: [UInt8]) -> [Token] {
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        let carriageReturn = UInt8(ascii: "\r")
        var result: [Token] = []
        result.reserveCapacity(tokens.count)
        // The sigils of the sections, parents and blocks open so far, to know what each `/` closes.
        var open: [UInt8] = []
        var lineStart = 0
        while lineStart < tokens.count {
            var lineEnd = lineStart
            while lineEnd < tokens.count {
                if case .newline = tokens[lineEnd] { break }
                lineEnd += 1
            }
            let line = tokens[lineStart..<lineEnd]
            var tags: [Tag] = []
            var closes: [UInt8] = []
            var indentation: [UInt8] = []
            var blank = true
            for index in line.indices {
                switch line[index] {
                case .tag(var tag):
                    if tag.sigil == UInt8(ascii: "/") {
                        closes.append(open.popLast() ?? 0)
                    } else {
                        closes.append(0)
                        if Set("#^<$".utf8).contains(tag.sigil) { open.append(tag.sigil) }
                    }
                    if blank, tags.isEmpty, tag.sigil == UInt8(ascii: "$") { tag.lineIndentation = indentation }
                    tags.append(tag)
                case .text(let range):
                    var text = bytes[range]
                    // A line break written `\r\n` ends its line like `\n`.
                    if index == line.index(before: line.endIndex), lineEnd < tokens.count, text.last == carriageReturn {
                        text = text.dropLast()
                    }
                    blank = blank && text.allSatisfy(isSpace)
                    if tags.isEmpty { indentation += text }
                case .newline: break
                }
            }
            let inheritance = Set("<$".utf8)
            let alone =
                blank
                && (tags.count == 1 && Tag.standaloneSigils.contains(tags[0].sigil)
                    || tags.count > 1
                        && zip(tags, closes).allSatisfy { inheritance.contains($0.sigil) || inheritance.contains($1) }
                        && zip(tags, closes).contains { $0.sigil == UInt8(ascii: "<") || $1 == UInt8(ascii: "<") })
            if alone {
                for (index, var tag) in tags.enumerated() {
                    tag.standalone = true
                    if index == 0 { tag.indentation = indentation }
                    result.append(.tag(tag))
                }
            } else {
                for token in line {
                    if case .tag = token, let tag = tags.first {
                        result.append(.tag(tag))
                        tags.removeFirst()
                    } else {
                        result.append(token)
                    }
                }
                if lineEnd < tokens.count { result.append(.newline) }
            }
            lineStart = lineEnd + 1
        }
        return result
    }

    /// Where `needle` next starts at or after `start`; nil when a line ends first (unless `acrossLines`).
    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int, acrossLines: Bool) -> Int? {
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], bytes[index...].starts(with: needle) { return index }
            if !acrossLines, bytes[index] == newline { return nil }
            index += 1
        }
        return nil
    }

    /// The bytes as text without surrounding spaces and tabs.
    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        let start = bytes.firstIndex(where: { !isSpace($0) }) ?? bytes.endIndex
        let end = bytes.lastIndex(where: { !isSpace($0) }).map { $0 + 1 } ?? start
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// Builds the tree from tokens, one open section, block or parent to a frame.
    private struct TreeBuilder {
        struct Frame {
            enum Kind {
                case root
                case section(Name, inverted: Bool)
                case block(String)
                case parent(Reference, indentation: [UInt8])
            }
            var kind: Kind
            /// The opening tag, for the message when it is never closed or closed under another name.
            var tag: Tag?
            var nodes: [Node] = []
            var blocks: [String: [Node]] = [:]

            var isParent: Bool {
                if case .parent = kind { true } else { false }
            }
        }

        let bytes: [UInt8]
        var frames = [Frame(kind: .root)]
        /// Tags a child template may hold between `{{<parent}}` and `{{/parent}}`: blocks, comments, delimiters.
        static let allowedInParent = Set("$!/=".utf8)

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func add(_ token: Token) throws(TemplateSyntaxError) {
            switch token {
            case .text(let range):
                // Text between a parent's tags and outside its blocks is ignored, as the spec says.
                if !frames[frames.count - 1].isParent { append(bytes[range]) }
            case .newline:
                if !frames[frames.count - 1].isParent { append(CollectionOfOne(Template.newline)) }
            case .tag(let tag):
                try add(tag)
            }
        }

        private mutating func add(_ tag: Tag) throws(TemplateSyntaxError) {
            if frames[frames.count - 1].isParent, !Self.allowedInParent.contains(tag.sigil) {
                throw outsideBlocks(at: tag.offset)
            }
            switch tag.sigil {
            case UInt8(ascii: "!"), UInt8(ascii: "="):
                break
            case 0, UInt8(ascii: "&"), UInt8(ascii: "{"):
                frames[frames.count - 1].nodes.append(.variable(try Self.name(tag), escaped: tag.sigil == 0))
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                frames.append(
                    Frame(kind: .section(try Self.name(tag), inverted: tag.sigil != UInt8(ascii: "#")), tag: tag))
            case UInt8(ascii: "$"):
                _ = try Self.name(tag)
                frames.append(Frame(kind: .block(tag.content), tag: tag))
            case UInt8(ascii: "<"):
                frames.append(Frame(kind: .parent(try Self.reference(tag), indentation: tag.indentation), tag: tag))
            case UInt8(ascii: ">"):
                frames[frames.count - 1].nodes.append(.partial(try Self.reference(tag), indentation: tag.indentation))
            case UInt8(ascii: "/"):
                try close(tag)
            default:
                throw TemplateSyntaxError(
                    message: "pragmas ({{%...}}) are not supported", hint: "remove the tag", offset: tag.offset)
            }
        }

        private mutating func close(_ tag: Tag) throws(TemplateSyntaxError) {
            guard frames.count > 1, let opening = frames[frames.count - 1].tag else {
                throw TemplateSyntaxError(
                    message: "{{/\(tag.content)}} closes a section that is not open",
                    hint: "remove it, or open the section with {{#\(tag.content)}}", offset: tag.offset)
            }
            guard opening.content == tag.content else {
                let sigil = String(decoding: [opening.sigil], as: UTF8.self)
                throw TemplateSyntaxError(
                    message: "{{/\(tag.content)}} closes {{\(sigil)\(opening.content)}}, which has another name",
                    hint: "close {{\(sigil)\(opening.content)}} with {{/\(opening.content)}}", offset: tag.offset)
            }
            let frame = frames.removeLast()
            switch frame.kind {
            case .root:
                break
            case .section(let name, let inverted):
                frames[frames.count - 1].nodes.append(.section(name, inverted: inverted, frame.nodes))
            case .block(let name):
                if frames[frames.count - 1].isParent {
                    guard frames[frames.count - 1].blocks[name] == nil else {
                        throw TemplateSyntaxError(
                            message: "the block {{$\(name)}} is filled twice", hint: "keep one of them",
                            offset: opening.offset)
                    }
                    // An override written on lines of its own loses the indentation of its first line, and
                    // takes the block's where it is filled.
                    frames[frames.count - 1].blocks[name] =
                        opening.standalone
                        ? Self.dedented(frame.nodes, by: Self.leadingSpace(of: frame.nodes)) : frame.nodes
                } else {
                    let indentation =
                        opening.standalone
                        ? (frame.nodes.isEmpty ? opening.indentation : Self.leadingSpace(of: frame.nodes))
                        : opening.lineIndentation ?? []
                    frames[frames.count - 1].nodes.append(.block(name, indentation: indentation, frame.nodes))
                }
            case .parent(let reference, let indentation):
                frames[frames.count - 1].nodes.append(
                    .parent(reference, indentation: indentation, blocks: frame.blocks))
            }
        }

        mutating func finish() throws(TemplateSyntaxError) -> [Node] {
            if frames.count > 1, let opening = frames[frames.count - 1].tag {
                let sigil = String(decoding: [opening.sigil], as: UTF8.self)
                throw TemplateSyntaxError(
                    message: "{{\(sigil)\(opening.content)}} is never closed",
                    hint: "add {{/\(opening.content)}} where it should end", offset: opening.offset)
            }
            return frames[0].nodes
        }

        /// Appends text, joining it to text just before so rendering copies one run.
        private mutating func append<C: Collection<UInt8>>(_ text: C) {
            let last = frames.count - 1
            if case .text(var previous) = frames[last].nodes.last {
                frames[last].nodes.removeLast()
                previous += text
                frames[last].nodes.append(.text(previous))
            } else {
                frames[last].nodes.append(.text(Array(text)))
            }
        }

        /// The indentation of the first line of `nodes`: the spaces and tabs of its text, or the indentation of
        /// the standalone tag it starts with, looked for inside a leading section or block too.
        static func leadingSpace(of nodes: [Node]) -> [UInt8] {
            switch nodes.first {
            case .text(let text): Array(text.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
            case .partial(_, let indentation), .parent(_, let indentation, _): indentation
            case .section(_, _, let children), .block(_, _, let children): leadingSpace(of: children)
            case .variable, nil: []
            }
        }

        /// `nodes` with `indentation` taken off the start of every line, in text and in the indentation of
        /// standalone tags, inside sections and blocks too.
        static func dedented(_ nodes: [Node], by indentation: [UInt8]) -> [Node] {
            guard !indentation.isEmpty else { return nodes }
            var atLineStart = true
            func strip(_ bytes: [UInt8]) -> [UInt8] {
                bytes.starts(with: indentation) ? Array(bytes.dropFirst(indentation.count)) : bytes
            }
            func walk(_ nodes: [Node]) -> [Node] {
                nodes.map { node in
                    switch node {
                    case .text(let text):
                        var lines: [[UInt8]] = []
                        var line: [UInt8] = []
                        for byte in text {
                            line.append(byte)
                            if byte == Template.newline {
                                lines.append(atLineStart ? strip(line) : line)
                                line = []
                                atLineStart = true
                            }
                        }
                        if !line.isEmpty {
                            lines.append(atLineStart ? strip(line) : line)
                            atLineStart = false
                        }
                        return .text(lines.flatMap { $0 })
                    case .variable:
                        atLineStart = false
                        return node
                    case .section(let name, let inverted, let children):
                        return .section(name, inverted: inverted, walk(children))
                    case .partial(let reference, let indentation):
                        return .partial(reference, indentation: strip(indentation))
                    case .parent(let reference, let indentation, let blocks):
                        return .parent(reference, indentation: strip(indentation), blocks: blocks)
                    case .block(let name, let indentation, let children):
                        return .block(name, indentation: strip(indentation), walk(children))
                    }
                }
            }
            return walk(nodes)
        }

        private func outsideBlocks(at offset: Int) -> TemplateSyntaxError {
            TemplateSyntaxError(
                message: "a template that inherits from a parent has content outside its blocks",
                hint: "inside {{<parent}}...{{/parent}} put only {{$block}}...{{/block}} overrides", offset: offset)
        }

        /// A variable or section name: dotted parts of letters, digits, `_` and `-`, or `.`, or `count(name)`.
        static func name(_ tag: Tag) throws(TemplateSyntaxError) -> Name {
            var text = Substring(tag.content)
            var isCount = false
            if let open = text.firstIndex(of: "(") {
                guard text.hasSuffix(")"), text[..<open] == "count" else {
                    throw TemplateSyntaxError(
                        message: "{{\(tag.content)}} calls a function sitegen does not know",
                        hint: "the one function is count(list), the number of items in a list", offset: tag.offset)
                }
                isCount = true
                text = text[text.index(after: open)..<text.index(before: text.endIndex)]
            }
            if text == "." { return Name(path: [], isCount: isCount, text: tag.content, offset: tag.offset) }
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            let isNameByte = { (byte: UInt8) in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
                    || byte == UInt8(ascii: "-")
            }
            guard !text.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(isNameByte) }) else {
                throw TemplateSyntaxError(
                    message: text.isEmpty ? "a tag has no name" : "{{\(tag.content)}} does not name a value",
                    hint: "names are letters, digits, `_` and `-`, joined by dots, as in {{page.title}}",
                    offset: tag.offset)
            }
            return Name(path: parts.map(String.init), isCount: isCount, text: tag.content, offset: tag.offset)
        }

        /// The template a partial or parent tag names.
        static func reference(_ tag: Tag) throws(TemplateSyntaxError) -> Reference {
            guard !tag.content.isEmpty, !tag.content.hasPrefix("*"), !tag.content.contains(" ") else {
                throw TemplateSyntaxError(
                    message: "a partial or parent tag needs the name of one template",
                    hint: "write it as {{> partials/nav}}", offset: tag.offset)
            }
            return Reference(name: tag.content, offset: tag.offset)
        }
    }
}
