/// Renders parsed templates into UTF-8 bytes: one renderer per render, holding the context stack.
struct TemplateRenderer {
    private let library: TemplateLibrary
    /// What has been rendered, as UTF-8.
    private(set) var output: [UInt8] = []
    /// The values sections have pushed, innermost last; names resolve from the innermost out.
    private var stack: [TemplateValue]
    /// The whitespace before the standalone partial tags being rendered, put at the start of each line.
    private var indentation: [UInt8] = []

    init(library: TemplateLibrary, root: TemplateValue) {
        self.library = library
        stack = [root]
        output.reserveCapacity(16 * 1024)
    }

    /// Renders `nodes`; `blocks` are the overrides that `{{$name}}` blocks show instead of their defaults.
    mutating func render(_ nodes: [Template.Node], blocks: [String: [Template.Node]]) {
        for node in nodes {
            switch node {
            case .text(let text):
                if indentation.isEmpty {
                    output += text
                } else {
                    indentLines(of: text)
                }
            case .variable(let name, let escaped):
                write(resolve(name), escaped: escaped)
            case .section(let name, let inverted, let children):
                section(resolve(name), inverted: inverted, children, blocks: blocks)
            case .partial(let reference, let indentation):
                guard let template = library.templates[reference.name] else { continue }
                // A partial sees the caller's values but not its block overrides.
                indented(by: indentation) { $0.render(template.nodes, blocks: [:]) }
            case .parent(let reference, let indentation, let overrides):
                guard let template = library.templates[reference.name] else { continue }
                // The most derived template's override of a block wins.
                let merged = overrides.merging(blocks) { _, outer in outer }
                indented(by: indentation) { $0.render(template.nodes, blocks: merged) }
            case .block(let name, let fallback):
                render(blocks[name] ?? fallback, blocks: blocks)
            }
        }
    }

    private mutating func section(
        _ value: TemplateValue, inverted: Bool, _ children: [Template.Node], blocks: [String: [Template.Node]]
    ) {
        switch value {
        case .missing:
            if inverted { render(children, blocks: blocks) }
        case .flag(let flag):
            if flag != inverted { render(children, blocks: blocks) }
        case .text(let text):
            if text.isEmpty == inverted { pushed(value) { $0.render(children, blocks: blocks) } }
        case .bytes(let bytes):
            if bytes.isEmpty == inverted { pushed(value) { $0.render(children, blocks: blocks) } }
        case .number(let number):
            if (number == 0) == inverted { pushed(value) { $0.render(children, blocks: blocks) } }
        case .object:
            if !inverted { pushed(value) { $0.render(children, blocks: blocks) } }
        case .list(let list):
            if inverted {
                if list.count == 0 { render(children, blocks: blocks) }
            } else {
                for index in 0..<list.count {
                    pushed(list.item(at: index)) { $0.render(children, blocks: blocks) }
                }
            }
        }
    }

    /// The value a name stands for: its first part from the innermost value that has it, the rest from there.
    private func resolve(_ name: Template.Name) -> TemplateValue {
        var value: TemplateValue = .missing
        if let first = name.path.first {
            for entry in stack.reversed() {
                guard case .object(let object) = entry else { continue }
                let found = object.value(named: first)
                if case .missing = found { continue }
                value = found
                break
            }
            for part in name.path.dropFirst() {
                guard case .object(let object) = value else { return .missing }
                value = object.value(named: part)
            }
        } else {
            value = stack[stack.count - 1]
        }
        guard name.isCount else { return value }
        guard case .list(let list) = value else { return .missing }
        return .number(list.count)
    }

    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        var text: String
        switch value {
        case .text(let value): text = value
        case .bytes(let bytes):
            bytes.withUnsafeBufferPointer { write($0, escaped: escaped) }
            return
        case .number(let number): text = String(number)
        case .flag(let flag): text = flag ? "true" : "false"
        case .object, .list, .missing: return
        }
        text.withUTF8 { write($0, escaped: escaped) }
    }

    private mutating func write(_ bytes: UnsafeBufferPointer<UInt8>, escaped: Bool) {
        guard !bytes.isEmpty else { return }
        if !indentation.isEmpty, output.last == Self.newline || output.isEmpty { output += indentation }
        if escaped { appendEscaped(bytes) } else { output += bytes }
    }

    /// Appends `bytes` with the characters that mean something in HTML (`& < > " '`) as references.
    private mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for index in bytes.indices {
            let reference: [UInt8]
            switch bytes[index] {
            case UInt8(ascii: "&"): reference = Self.ampersand
            case UInt8(ascii: "<"): reference = Self.lessThan
            case UInt8(ascii: ">"): reference = Self.greaterThan
            case UInt8(ascii: "\""): reference = Self.quote
            case UInt8(ascii: "'"): reference = Self.apostrophe
            default: continue
            }
            output += UnsafeBufferPointer(rebasing: bytes[start..<index])
            output += reference
            start = index + 1
        }
        output += UnsafeBufferPointer(rebasing: bytes[start...])
    }

    private static let newline = UInt8(ascii: "\n")
    private static let ampersand = Array("&amp;".utf8)
    private static let lessThan = Array("&lt;".utf8)
    private static let greaterThan = Array("&gt;".utf8)
    private static let quote = Array("&quot;".utf8)
    private static let apostrophe = Array("&#39;".utf8)

    /// Appends template text, starting each of its lines that has content with the current indentation.
    private mutating func indentLines(of text: [UInt8]) {
        var start = 0
        while start < text.count {
            let end = text[start...].firstIndex(of: Self.newline).map { $0 + 1 } ?? text.count
            if output.isEmpty || output.last == Self.newline, text[start] != Self.newline { output += indentation }
            output += text[start..<end]
            start = end
        }
    }

    private mutating func indented(by extra: [UInt8], _ body: (inout Self) -> Void) {
        let saved = indentation
        indentation += extra
        body(&self)
        indentation = saved
    }

    private mutating func pushed(_ value: TemplateValue, _ body: (inout Self) -> Void) {
        stack.append(value)
        body(&self)
        stack.removeLast()
    }
}
