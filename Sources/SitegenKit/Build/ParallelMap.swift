import Dispatch

extension Array where Element: Sendable {
    /// `map` across all cores, results in the original order, so the output is identical to a serial map.
    /// Each iteration writes only its own slot of the result buffer, which is why the unchecked sharing is safe.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let base = UncheckedSendable(buffer.baseAddress!)
            self.withUnsafeBufferPointer { source in
                let input = UncheckedSendable(source.baseAddress!)
                DispatchQueue.concurrentPerform(iterations: count) { index in
                    (base.value + index).initialize(to: transform(input.value[index]))
                }
            }
            initialized = count
        }
    }
}

extension Array where Element: Sendable {
    /// `parallelMap`, handing the results to `body` one by one in the original order and giving each up: a
    /// result too large to copy cheaply (a page record) reaches the caller moved, not copied. Copying and then
    /// freeing ten thousand page records was a visible share of the one thread between loading and rendering.
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
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
