/// Renders a template program into UTF-8 bytes: one renderer per render, holding the context stack.
struct TemplateRenderer {
    private let program: TemplateProgram
    /// What has been rendered, as UTF-8.
    private(set) var output: [UInt8] = []
    /// The values sections have pushed, innermost last: `{{.}}` is the last.
    private var stack: [TemplateValue]
    /// The objects among them, innermost last; names resolve from the innermost out.
    private var objects: [any TemplateObject]

    init(program: TemplateProgram, root: any TemplateObject) {
        self.program = program
        stack = [.object(root)]
        objects = [root]
        output.reserveCapacity(16 * 1024)
    }

    /// Renders the whole program.
    mutating func render() {
        let program = program
        program.text.withUnsafeBufferPointer { text in run(0..<program.steps.count, text: text) }
    }

    /// Renders the steps in `range`; `text` is the program's text.
    private mutating func run(_ range: Range<Int>, text: UnsafeBufferPointer<UInt8>) {
        var index = range.lowerBound
        while index < range.upperBound {
            switch program.steps[index] {
            case .text(let start, let end, let indent):
                let bytes = UnsafeBufferPointer(rebasing: text[start..<end])
                if indent == 0 {
                    output += bytes
                } else {
                    indentLines(of: bytes, by: program.indents[indent])
                }
                index += 1
            case .variable(let name, let escaped, let indent):
                write(resolve(name), escaped: escaped, indent: indent)
                index += 1
            case .section(let name, let inverted, let end):
                section(resolve(name), inverted: inverted, index + 1..<end, text: text)
                index = end
            }
        }
    }

    private mutating func section(
        _ value: TemplateValue, inverted: Bool, _ range: Range<Int>, text: UnsafeBufferPointer<UInt8>
    ) {
        switch value {
        case .missing, .null:
            if inverted { run(range, text: text) }
        case .flag(let flag):
            if flag != inverted { run(range, text: text) }
        case .text(let string):
            if string.isEmpty == inverted { pushed(value) { $0.run(range, text: text) } }
        case .bytes(let bytes):
            if bytes.isEmpty == inverted { pushed(value) { $0.run(range, text: text) } }
        case .number(let number):
            if (number == 0) == inverted { pushed(value) { $0.run(range, text: text) } }
        case .object:
            if !inverted { pushed(value) { $0.run(range, text: text) } }
        case .list(let list):
            if inverted {
                if list.count == 0 { run(range, text: text) }
            } else {
                for index in 0..<list.count {
                    pushed(list.item(at: index)) { $0.run(range, text: text) }
                }
            }
        }
    }

    /// The value a name stands for: its first part from the innermost object that has it, the rest from there.
    private func resolve(_ index: Int) -> TemplateValue {
        var value: TemplateValue = .missing
        if let first = program.names[index].first {
            var level = objects.count - 1
            while level >= 0 {
                let found = objects[level].value(named: first)
                if case .missing = found {
                    level -= 1
                    continue
                }
                value = found
                break
            }
            for part in program.names[index].rest {
                guard case .object(let object) = value else { return .missing }
                value = object.value(named: part)
            }
        } else {
            value = stack[stack.count - 1]
        }
        guard program.names[index].isCount else { return value }
        guard case .list(let list) = value else { return .missing }
        return .number(list.count)
    }

    private mutating func write(_ value: TemplateValue, escaped: Bool, indent: Int) {
        var text: String
        switch value {
        case .text(let value): text = value
        case .bytes(let bytes):
            bytes.withUnsafeBufferPointer { write($0, escaped: escaped, indent: indent) }
            return
        case .number(let number): text = String(number)
        case .flag(let flag): text = flag ? "true" : "false"
        case .object, .list, .null, .missing: return
        }
        text.withUTF8 { write($0, escaped: escaped, indent: indent) }
    }

    private mutating func write(_ bytes: UnsafeBufferPointer<UInt8>, escaped: Bool, indent: Int) {
        guard !bytes.isEmpty else { return }
        if indent != 0, output.last == Self.newline || output.isEmpty { output += program.indents[indent] }
        if escaped { appendEscaped(bytes) } else { output += bytes }
    }

    /// Appends `bytes` with the characters that mean something in HTML (`& < > " '`) as references.
    private mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        // Most values hold none of those (a title, a path, the favicon's `data:` URL): one vectorized test, and a
        // value with none goes in as one copy.
        guard bytes.containsByte(where: Self.specialBit) else {
            output += bytes
            return
        }
        var start = 0
        for index in 0..<bytes.count {
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

    /// 1 for one of `& < > " '`, else 0, without a branch (see `containsByte`).
    @inline(__always)
    private static func specialBit(_ byte: UInt8) -> UInt8 {
        (byte == 0x26 ? 1 : 0) | (byte == 0x3C ? 1 : 0) | (byte == 0x3E ? 1 : 0) | (byte == 0x22 ? 1 : 0)
            | (byte == 0x27 ? 1 : 0)
    }

    private static let newline = UInt8(ascii: "\n")
    private static let ampersand = Array("&amp;".utf8)
    private static let lessThan = Array("&lt;".utf8)
    private static let greaterThan = Array("&gt;".utf8)
    private static let quote = Array("&quot;".utf8)
    private static let apostrophe = Array("&#39;".utf8)

    /// Appends template text, starting each of its lines that has content with `indentation`.
    private mutating func indentLines(of text: UnsafeBufferPointer<UInt8>, by indentation: [UInt8]) {
        var start = 0
        while start < text.count {
            let end = text[start...].firstIndex(of: Self.newline).map { $0 + 1 } ?? text.count
            if output.isEmpty || output.last == Self.newline, text[start] != Self.newline { output += indentation }
            output += UnsafeBufferPointer(rebasing: text[start..<end])
            start = end
        }
    }

    private mutating func pushed(_ value: TemplateValue, _ body: (inout Self) -> Void) {
        stack.append(value)
        let isObject: Bool
        if case .object(let object) = value {
            objects.append(object)
            isObject = true
        } else {
            isObject = false
        }
        body(&self)
        if isObject { objects.removeLast() }
        stack.removeLast()
    }
}
