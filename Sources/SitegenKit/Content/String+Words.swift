extension String {
    /// The number of words: runs of bytes other than space, tab, line feed and carriage return. Scans the contiguous
    /// UTF-8 bytes rather than Characters, since grapheme breaking made word counts a visible part of build time.
    var wordCount: Int {
        var text = self
        return text.withUTF8(Self.wordCount(in:))
    }

    /// Counts word starts eight bytes at a time: every page body is counted, and a byte-by-byte loop still showed
    /// in build profiles. UTF-8 continuation and lead bytes are never white space, so bytes are all that matter.
    static func wordCount(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var count = 0
        // The high bit of byte 0's position, set when the byte before the chunk belongs to a word.
        var carry: UInt64 = 0
        var offset = 0
        func add(_ chunk: UInt64) {
            let inWord = nonSpaceBits(chunk)
            // A word starts at a word byte whose previous byte (one lane lower, little-endian) is white space.
            // Counts the start bits by multiplication: without a popcount instruction in the baseline x86-64
            // target, `nonzeroBitCount` is a long bit-twiddling sequence. At most eight, so the top byte holds it.
            let starts = inWord & ~((inWord << 8) | carry)
            count &+= Int(truncatingIfNeeded: ((starts >> 7) &* 0x0101_0101_0101_0101) >> 56)
            carry = inWord >> 56
        }
        while offset + 8 <= bytes.count {
            add(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        if offset < bytes.count {
            // Pad the tail with spaces, which start no word.
            var chunk = UInt64(0x2020_2020_2020_2020)
            for lane in 0..<(bytes.count - offset) {
                chunk &= ~(UInt64(0xFF) << (8 * lane))
                chunk |= UInt64(bytes[offset + lane]) << (8 * lane)
            }
            add(chunk)
        }
        return count
    }

    private static var lowSeven: UInt64 { 0x7F7F_7F7F_7F7F_7F7F }
    private static var highBits: UInt64 { 0x8080_8080_8080_8080 }

    /// The high bit of each byte of `chunk` that is not space, tab, line feed or carriage return.
    ///
    /// Adding to the low seven bits of a byte never carries into the next byte, so each lane is compared exactly.
    @inline(__always)
    private static func nonSpaceBits(_ chunk: UInt64) -> UInt64 {
        let low = chunk & lowSeven
        // Bytes from 0x21 up (or 0x80 and above) are words; with no byte below 0x20, the rest are spaces.
        let aboveSpace = ((low &+ 0x5F5F_5F5F_5F5F_5F5F) | chunk) & highBits
        let notControl = ((low &+ 0x6060_6060_6060_6060) | chunk) & highBits
        if notControl == highBits { return aboveSpace }
        // Control bytes (line breaks, mostly): compare against each white-space byte.
        return highBits & differs(chunk, 0x20) & differs(chunk, 0x0A) & differs(chunk, 0x09) & differs(chunk, 0x0D)
    }

    /// The high bit of each byte of `chunk` other than `byte`.
    @inline(__always)
    private static func differs(_ chunk: UInt64, _ byte: UInt64) -> UInt64 {
        let difference = chunk ^ (byte &* 0x0101_0101_0101_0101)
        return (((difference & lowSeven) &+ lowSeven) | difference) & highBits
    }
}
