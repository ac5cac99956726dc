import Foundation

extension ContiguousBytes {
    /// The bytes in lowercase hex, written straight into the string's storage: every page's key and the digest of
    /// each file the record vouches for by its bytes come through here.
    var lowercaseHex: String {
        withUnsafeBytes { bytes in
            let digits: StaticString = "0123456789abcdef"
            return String(unsafeUninitializedCapacity: 2 * bytes.count) { buffer in
                for (offset, byte) in bytes.enumerated() {
                    buffer[2 * offset] = digits.utf8Start[Int(byte >> 4)]
                    buffer[2 * offset + 1] = digits.utf8Start[Int(byte & 0xF)]
                }
                return 2 * bytes.count
            }
        }
    }
}
