extension UnsafeBufferPointer<UInt8> {
    /// Whether `test` gives anything but 0 for any byte: for the scans that pass over every byte of every page
    /// (control characters in a source, bytes to escape in HTML and in the build record), most of which find none.
    ///
    /// `test` must choose its answer without branching (`byte == 0x26 ? 1 : 0`, combined with `|` and `&`), and
    /// this must inline: the loop then has no branch and carries nothing but an OR from byte to byte, so the
    /// compiler vectorizes it (16 bytes a step with SSE2). Over one 5 KB page in a loop, the control-character
    /// test took 0.72-0.78 µs this way, where testing eight bytes at a time in a 64-bit word took 1.11 µs.
    @inline(__always)
    func containsByte(where test: (UInt8) -> UInt8) -> Bool {
        guard let base = baseAddress else { return false }
        var found: UInt8 = 0
        for index in 0..<count { found |= test(base[index]) }
        return found != 0
    }
}
