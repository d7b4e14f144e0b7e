/// The latency figures of one group, taken as its latencies stream past in ascending
/// order: each nearest-rank percentile is picked when its rank goes by, so no latency
/// is kept. The same figures as ``LatencyStatistics/of(_:)`` of the whole list, in
/// constant memory: at ten million deliveries a list per group of every grouping
/// would be most of a report's memory.
package struct LatencyStream: Sendable {
    /// How many latencies will come; must be final before the first ``add(_:)``.
    package private(set) var expected = 0
    private var seen = 0
    private var sum: Int128 = 0
    private var ranks: (p50: Int, p90: Int, p95: Int, p99: Int) = (0, 0, 0, 0)
    private var picked: (p50: Int64, p90: Int64, p95: Int64, p99: Int64) = (0, 0, 0, 0)
    private var largest: Int64 = 0

    package init() {}

    /// Announces one more latency to come.
    package mutating func expectOne() {
        expected += 1
    }

    /// Takes the next latency; each must be at least the one before.
    package mutating func add(_ latency: Int64) {
        if seen == 0 {
            ranks = (Self.rank(50, of: expected), Self.rank(90, of: expected),
                     Self.rank(95, of: expected), Self.rank(99, of: expected))
        }
        seen += 1
        sum += Int128(latency)
        largest = latency
        if seen == ranks.p50 { picked.p50 = latency }
        if seen == ranks.p90 { picked.p90 = latency }
        if seen == ranks.p95 { picked.p95 = latency }
        if seen == ranks.p99 { picked.p99 = latency }
    }

    /// The figures; nil when the group had no latency.
    package var statistics: LatencyStatistics? {
        guard seen > 0 else { return nil }
        return LatencyStatistics(count: seen, mean: LatencyStatistics.roundedQuotient(sum, Int128(seen)),
                                 p50: picked.p50, p90: picked.p90, p95: picked.p95, p99: picked.p99, max: largest)
    }

    /// The 1-based nearest rank `ceil(p/100 × n)`, at least 1.
    private static func rank(_ percentile: Int, of count: Int) -> Int {
        max((percentile * count + 99) / 100, 1)
    }
}
