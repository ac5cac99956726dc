import Dispatch

extension Array where Element: Sendable {
    /// How many results `parallelMap` holds at once: its inputs are mapped a window at a time.
    static var parallelWindow: Int { 4096 }

    /// `map` across all cores, handing the results to `body` one by one in the original order, so what the caller
    /// builds is identical to a serial map. Each result is moved to `body`, not copied: copying and then freeing
    /// ten thousand page records was a visible share of the one thread between loading and rendering.
    /// The inputs are mapped `parallelWindow` at a time, so the results waiting for `body` take bounded memory (a
    /// result for each of 100,000 pages held 33 MB at once).
    /// Each iteration writes only its own slot of the result buffer, which is why the unchecked sharing is safe.
    func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T, each body: (consuming T) -> Void) {
        guard !isEmpty else { return }
        let window = Swift.min(count, Self.parallelWindow)
        let results = UnsafeMutablePointer<T>.allocate(capacity: window)
        defer { results.deallocate() }
        let base = UncheckedSendable(results)
        withUnsafeBufferPointer { source in
            let input = UncheckedSendable(source.baseAddress!)
            for start in stride(from: 0, to: count, by: window) {
                let size = Swift.min(window, count - start)
                DispatchQueue.concurrentPerform(iterations: size) { index in
                    (base.value + index).initialize(to: transform(input.value[start + index]))
                }
                for index in 0..<size { body((results + index).move()) }
            }
        }
    }
}

/// A value passed across concurrency domains where the code guarantees there is no data race.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
