import Dispatch

extension Array where Element: Sendable {
    /// `map` across all cores, handing the results to `body` one by one in the original order, so what the caller
    /// builds is identical to a serial map. Each result is moved to `body`, not copied: copying and then freeing
    /// ten thousand page records was a visible share of the one thread between loading and rendering.
    /// Each iteration writes only its own slot of the result buffer, which is why the unchecked sharing is safe.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T, each body: (consuming T) -> Void) {
        guard !isEmpty else { return }
        let results = UnsafeMutablePointer<T>.allocate(capacity: count)
        defer { results.deallocate() }
        let base = UncheckedSendable(results)
        withUnsafeBufferPointer { source in
            let input = UncheckedSendable(source.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                (base.value + index).initialize(to: transform(input.value[index]))
            }
        }
        for index in 0..<count { body((results + index).move()) }
    }
}

/// A value passed across concurrency domains where the code guarantees there is no data race.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
