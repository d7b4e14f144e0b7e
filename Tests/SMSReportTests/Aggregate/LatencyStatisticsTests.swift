@testable import SMSAggregate
import Testing

/// Contract §3 "Percentiles": nearest rank, the value at 1-based rank ceil(p/100 × n)
/// of the sorted list; plus the mean and the max.
@Suite struct LatencyStatisticsTests {
    static func statistics(seconds: [Int64]) throws -> LatencyStatistics {
        var latencies = seconds.map { $0 * 1_000_000 }
        return try #require(LatencyStatistics.of(&latencies))
    }

    @Test func oneValueIsEveryStatistic() throws {
        let statistics = try Self.statistics(seconds: [7])
        #expect(statistics == LatencyStatistics(count: 1, mean: 7_000_000, p50: 7_000_000, p90: 7_000_000,
                                                p95: 7_000_000, p99: 7_000_000, max: 7_000_000))
    }

    @Test func twoValues() throws {
        // p50: rank ceil(1.0) = 1 → 1 s; p90: rank ceil(1.8) = 2 → 2 s.
        let statistics = try Self.statistics(seconds: [2, 1])
        #expect(statistics.count == 2)
        #expect(statistics.p50 == 1_000_000)
        #expect(statistics.p90 == 2_000_000)
        #expect(statistics.p95 == 2_000_000)
        #expect(statistics.p99 == 2_000_000)
        #expect(statistics.mean == 1_500_000)
        #expect(statistics.max == 2_000_000)
    }

    @Test func oneToAHundredSeconds() throws {
        let statistics = try Self.statistics(seconds: Array((1...100).reversed()))
        #expect(statistics.count == 100)
        #expect(statistics.p50 == 50_000_000)
        #expect(statistics.p90 == 90_000_000)
        #expect(statistics.p95 == 95_000_000)
        #expect(statistics.p99 == 99_000_000)
        #expect(statistics.max == 100_000_000)
        #expect(statistics.mean == 50_500_000)
    }

    @Test func elevenValuesRoundTheRankUp() throws {
        // n = 11: p50 rank ceil(5.5) = 6, p90 ceil(9.9) = 10, p95 ceil(10.45) = 11.
        let statistics = try Self.statistics(seconds: Array(1...11))
        #expect(statistics.p50 == 6_000_000)
        #expect(statistics.p90 == 10_000_000)
        #expect(statistics.p95 == 11_000_000)
        #expect(statistics.p99 == 11_000_000)
    }

    @Test func meanIsRoundedToTheNearestMicrosecond() throws {
        var thirds: [Int64] = [1, 2, 2]       // 5/3 = 1.67 µs
        #expect(LatencyStatistics.of(&thirds)?.mean == 2)
        var lowThirds: [Int64] = [1, 1, 2]    // 4/3 = 1.33 µs
        #expect(LatencyStatistics.of(&lowThirds)?.mean == 1)
        var large: [Int64] = [1_000_000, 1_000_000, 1_000_001]  // 1,000,000.33 µs
        #expect(LatencyStatistics.of(&large)?.mean == 1_000_000)
    }

    @Test func microsecondsAreKept() throws {
        var latencies: [Int64] = [1_846_166, 999_999, 2_500_000]
        let statistics = try #require(LatencyStatistics.of(&latencies))
        #expect(statistics.p50 == 1_846_166)
        #expect(statistics.max == 2_500_000)
        #expect(statistics.mean == 1_782_055)   // 5,346,165 / 3 = 1,782,055 exactly
    }

    @Test func noLatenciesIsNoStatistics() {
        var none: [Int64] = []
        #expect(LatencyStatistics.of(&none) == nil)
    }
}
