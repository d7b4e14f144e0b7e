/// The latency figures of a group (contract §3): count, mean, nearest-rank
/// percentiles and max, all in microseconds.
package struct LatencyStatistics: Sendable, Equatable {
    package var count: Int
    package var mean: Int64
    package var p50: Int64
    package var p90: Int64
    package var p95: Int64
    package var p99: Int64
    package var max: Int64

    /// Statistics computed elsewhere (from stored rollups, whose percentiles come from sketches).
    package init(count: Int, mean: Int64, p50: Int64, p90: Int64, p95: Int64, p99: Int64, max: Int64) {
        self.count = count
        self.mean = mean
        self.p50 = p50
        self.p90 = p90
        self.p95 = p95
        self.p99 = p99
        self.max = max
    }

    /// The statistics of `latencies` (non-negative microseconds); nil when there are none.
    /// The array is sorted in place.
    package static func of(_ latencies: inout [Int64]) -> LatencyStatistics? {
        guard !latencies.isEmpty else { return nil }
        latencies.sort()
        var sum: Int128 = 0
        for latency in latencies {
            sum += Int128(latency)
        }
        return LatencyStatistics(
            count: latencies.count,
            mean: roundedQuotient(sum, Int128(latencies.count)),
            p50: nearestRank(50, in: latencies),
            p90: nearestRank(90, in: latencies),
            p95: nearestRank(95, in: latencies),
            p99: nearestRank(99, in: latencies),
            max: latencies[latencies.count - 1])
    }

    /// The value at 1-based rank `ceil(p/100 × n)` of the sorted values.
    package static func nearestRank(_ percentile: Int, in sorted: [Int64]) -> Int64 {
        let rank = (percentile * sorted.count + 99) / 100
        return sorted[Swift.max(rank, 1) - 1]
    }

    /// `dividend ÷ divisor` rounded to the nearest integer, ties to even.
    package static func roundedQuotient(_ dividend: Int128, _ divisor: Int128) -> Int64 {
        var quotient = dividend / divisor
        let twiceRemainder = (dividend % divisor) * 2
        if twiceRemainder > divisor || (twiceRemainder == divisor && quotient % 2 != 0) {
            quotient += 1
        }
        return Int64(quotient)
    }
}
