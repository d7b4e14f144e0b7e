@testable import SMSAggregate
import Testing

/// The streaming latency figures (issue 16: a report of ten million deliveries keeps
/// no list of latencies per group) are exactly contract §3's nearest-rank figures.
@Suite struct LatencyStreamTests {
    /// The figures of `latencies` streamed in ascending order, after announcing them all.
    static func streamed(_ latencies: [Int64]) -> LatencyStatistics? {
        var stream = LatencyStream()
        for _ in latencies {
            stream.expectOne()
        }
        for latency in latencies.sorted() {
            stream.add(latency)
        }
        return stream.statistics
    }

    @Test func noLatencyGivesNoFigures() {
        #expect(Self.streamed([]) == nil)
    }

    @Test(arguments: [1, 2, 3, 10, 99, 100, 101, 199, 1_000, 4_321])
    func everyFigureEqualsTheOneOfTheWholeSortedList(count: Int) throws {
        var generator = SplitMix(seed: UInt64(count))
        var latencies = (0..<count).map { _ in Int64(generator.unit() * 120_000_000) }
        let streamed = Self.streamed(latencies)
        let reference = try #require(LatencyStatistics.of(&latencies))
        #expect(streamed == reference)
    }

    @Test func tiesAtAPercentileRankGiveThatValue() throws {
        var latencies: [Int64] = [5, 5, 5, 5, 9, 9, 9, 9, 9, 200]
        let streamed = Self.streamed(latencies)
        let reference = try #require(LatencyStatistics.of(&latencies))
        #expect(streamed == reference)
    }
}
