@testable import SMSAggregate
import Testing

/// The latencies are sorted by `radixSort` before their percentiles are picked: it must
/// order exactly as a stable comparison sort does, whatever the keys' sizes.
@Suite struct RadixSortTests {
    /// A latency with the place it had before sorting, to see that ties keep their order.
    struct Tagged: Equatable {
        var key: UInt64
        var place: Int32
    }

    /// Keys from a small deterministic generator: repeatable, with many ties when
    /// `range` is small.
    static func keys(count: Int, range: UInt64, seed: UInt64) -> [Tagged] {
        var state = seed
        return (0..<count).map { place in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Tagged(key: (state >> 11) % range, place: Int32(place))
        }
    }

    @Test(arguments: [
        (count: 0, range: UInt64(10)),
        (count: 1, range: 10),
        (count: 2, range: 1),            // every key 0: no pass at all
        (count: 1_000, range: 3),        // ties nearly everywhere
        (count: 5_000, range: 2_048),    // one digit
        (count: 5_000, range: 30_000_000),          // seconds in microseconds: three digits, copied back
        (count: 5_000, range: 1 << 40),             // four digits: ends in the original array
        (count: 5_000, range: UInt64.max),          // keys below 2⁵³: five digits, the top one short
    ])
    func ordersAsAStableSortDoes(count: Int, range: UInt64) {
        var sorted = Self.keys(count: count, range: range, seed: UInt64(count) &+ range)
        let expected = sorted.enumerated()
            .sorted { ($0.element.key, $0.offset) < ($1.element.key, $1.offset) }
            .map(\.element)
        radixSort(&sorted) { $0.key }
        #expect(sorted == expected)
    }

    @Test func keysUpToTheLargestAreOrderedByAllSixDigits() {
        // 2⁶⁴ − 1 needs six 11-bit digits, the top one of 9 bits (shift 55).
        let keys: [UInt64] = [.max, 0, 1 << 63, .max - 1, 1 << 55, (1 << 55) - 1, 1, .max, 1 << 62, 2_047, 2_048]
        var sorted = keys.enumerated().map { Tagged(key: $0.element, place: Int32($0.offset)) }
        radixSort(&sorted) { $0.key }
        #expect(sorted.map(\.key) == keys.sorted())
        #expect(sorted.filter { $0.key == .max }.map(\.place) == [0, 7])
    }

    @Test func keysThatShareTheirLowDigitsAreStillOrderedByTheHighOnes() {
        // Every key has the same low 11 bits, so the first pass is skipped; the
        // later passes must still run.
        var sorted = [5, 1, 4, 1, 3].enumerated().map { Tagged(key: UInt64($0.element) << 11 | 7, place: Int32($0.offset)) }
        radixSort(&sorted) { $0.key }
        #expect(sorted.map { $0.key >> 11 } == [1, 1, 3, 4, 5])
        #expect(sorted.map(\.place) == [1, 3, 4, 2, 0])
    }
}
