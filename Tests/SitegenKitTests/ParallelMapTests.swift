import Synchronization
import Testing

@testable import SitegenKit

/// How many `Tracked` values are alive, to check that each result is handed over once and freed once.
private let liveValues = Atomic<Int>(0)

private final class Tracked: Sendable {
    let value: Int

    init(_ value: Int) {
        self.value = value
        liveValues.add(1, ordering: .relaxed)
    }

    deinit { liveValues.subtract(1, ordering: .relaxed) }
}

@Suite(.serialized) struct ParallelMapTests {
    @Test func resultsArriveInInputOrder() {
        let input = Array(0..<5_000)
        var output: [String] = []
        input.parallelMap {
            "page \($0)"
        } each: {
            output.append($0)
        }
        #expect(output == input.map { "page \($0)" })
    }

    @Test func aLargeMapHoldsAWindowOfResultsAtOnce() {
        var most = 0
        var values: [Int] = []
        let count = 3 * [Int].parallelWindow + 5
        Array(0..<count).parallelMap {
            Tracked($0)
        } each: {
            most = max(most, liveValues.load(ordering: .relaxed))
            values.append($0.value)
        }
        #expect(values == Array(0..<count))
        #expect(most <= [Int].parallelWindow)
        #expect(liveValues.load(ordering: .relaxed) == 0)
    }

    @Test func eachResultIsHandedOverOnceAndFreedOnce() {
        var values: [Int] = []
        Array(0..<2_000).parallelMap {
            Tracked($0)
        } each: {
            values.append($0.value)
        }
        #expect(values == Array(0..<2_000))
        #expect(liveValues.load(ordering: .relaxed) == 0)
    }

    @Test func nothingIsHandedOverForNoInput() {
        var calls = 0
        [Int]().parallelMap {
            $0
        } each: { _ in
            calls += 1
        }
        #expect(calls == 0)
    }
}
