extension StringProtocol {
    /// The number of words: runs of characters between ASCII white space. Scans bytes rather than Characters,
    /// since grapheme breaking made word counts a visible part of build time.
    var wordCount: Int {
        var count = 0
        var inWord = false
        for byte in utf8 {
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if !isSpace && !inWord { count += 1 }
            inWord = !isSpace
        }
        return count
    }
}
