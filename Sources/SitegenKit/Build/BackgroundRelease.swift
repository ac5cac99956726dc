import Dispatch

/// Frees a large value (every page's records, say) on another thread. Freeing ten thousand page records is a
/// visible share of a build when it happens on the one thread that finishes the build; handed over, it overlaps
/// the work still to do, and a command-line build may exit before it is needed at all.
final class BackgroundRelease<Value: Sendable>: @unchecked Sendable {
    // Unchecked: `value` is written once in `init` and then only by the one block dispatched in `drop`.
    private var value: Value?

    private init(_ value: consuming Value) {
        self.value = value
    }

    /// Takes `value` (the caller keeps no copy) and frees it on a background thread.
    static func drop(_ value: consuming Value) {
        let holder = BackgroundRelease(value)
        DispatchQueue.global(qos: .utility).async { holder.value = nil }
    }
}
