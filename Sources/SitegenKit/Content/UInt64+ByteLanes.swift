/// Questions about the eight bytes of a word at once, for scans that pass over every byte of every page (SWAR):
/// a word that answers no can be skipped whole.
extension UInt64 {
    /// `byte` in each of the eight lanes.
    static func repeating(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }

    /// Whether any byte is below `limit` (at most 0x80). The classic test: exact for whether any byte is,
    /// though not for which.
    func hasByte(below limit: UInt8) -> Bool {
        (self &- .repeating(limit)) & ~self & .repeating(0x80) != 0
    }

    /// Whether any byte is `byte`: a zero byte in the word XOR `byte` in every lane.
    func hasByte(_ byte: UInt8) -> Bool { (self ^ .repeating(byte)).hasByte(below: 1) }
}
