/// Markdown source as bytes with its line starts, for finding where a link was written: cmark does not record
/// positions of inline nodes, so the destination text itself is searched for, from the line of its block.
struct SourceText {
    private let bytes: [UInt8]
    private let lineStarts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        lineStarts = starts
    }

    /// The 1-based line and column (in Characters) of the first `needle` at or after line `fromLine`; the start of
    /// that line when it is not found.
    func locate(_ needle: String, fromLine: Int) -> (line: Int, column: Int) {
        let pattern = Array(needle.utf8)
        let startLine = min(max(fromLine, 1), lineStarts.count)
        guard let first = pattern.first, pattern.count <= bytes.count else { return (startLine, 1) }
        var offset = lineStarts[startLine - 1]
        while offset + pattern.count <= bytes.count {
            if bytes[offset] == first, bytes[offset..<offset + pattern.count].elementsEqual(pattern) {
                return position(ofByte: offset)
            }
            offset += 1
        }
        return (startLine, 1)
    }

    /// The 1-based line and column (in Characters) of byte `offset`.
    func position(ofByte offset: Int) -> (line: Int, column: Int) {
        let offset = min(max(offset, 0), bytes.count)
        let line = lineIndex(containing: offset)
        let prefix = bytes[lineStarts[line]..<offset]
        return (line + 1, String(decoding: prefix, as: UTF8.self).count + 1)
    }

    /// The 0-based index of the line holding byte `offset`.
    private func lineIndex(containing offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
