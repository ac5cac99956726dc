extension Duration {
    /// The duration as a build's summary gives it, in whole milliseconds: `95ms`, `1s 234ms`, `2s`. Written out by
    /// hand because Foundation's `Duration.formatted` loads ICU's locale data on first use, at the end of every
    /// build (seen in its profile); the summary is English whatever the locale, as sitegen's every other message
    /// is.
    public var elapsedText: String {
        let (seconds, attoseconds) = components
        let total = max(0, seconds * 1000 + attoseconds / 1_000_000_000_000_000)
        let (whole, milliseconds) = total.quotientAndRemainder(dividingBy: 1000)
        switch (whole, milliseconds) {
        case (0, _): return "\(milliseconds)ms"
        case (_, 0): return "\(whole)s"
        default: return "\(whole)s \(milliseconds)ms"
        }
    }
}
