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

/// Runs `first` and `second` side by side, on two cores when there are two, and gives both results: for the
/// steps between loading and rendering, which otherwise run on one thread while the others wait.
/// Each task writes only its own slot, which is why the unchecked sharing is safe.
func inParallel<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, and second: @Sendable () -> B) -> (A, B) {
    let slots = (UnsafeMutablePointer<A>.allocate(capacity: 1), UnsafeMutablePointer<B>.allocate(capacity: 1))
    defer {
        slots.0.deallocate()
        slots.1.deallocate()
    }
    let shared = UncheckedSendable(slots)
    DispatchQueue.concurrentPerform(iterations: 2) { task in
        if task == 0 { shared.value.0.initialize(to: first()) } else { shared.value.1.initialize(to: second()) }
    }
    return (slots.0.move(), slots.1.move())
}

/// A value passed across concurrency domains where the code guarantees there is no data race.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
