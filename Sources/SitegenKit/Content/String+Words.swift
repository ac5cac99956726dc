extension String {
    /// The number of words: runs of characters between ASCII white space. Scans the contiguous UTF-8 bytes rather
    /// than Characters, since grapheme breaking made word counts a visible part of build time.
    var wordCount: Int {
        var text = self
        return text.withUTF8 { bytes in
            var count = 0
            var inWord = false
            for byte in bytes {
                let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
                if !isSpace && !inWord { count += 1 }
                inWord = !isSpace
            }
            return count
        }
    }
}
