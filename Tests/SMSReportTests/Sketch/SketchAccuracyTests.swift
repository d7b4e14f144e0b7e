@testable import SMSCore
@testable import SMSHistory
import Testing

/// Contract §9 "Percentiles from the store": for every group of by_day, by_operator,
/// by_prefix and by_batch (and by_status's counts), the figures rebuilt from stored
/// rollups equal the report's: counts, means and maxima exactly, p50/p90/p95/p99
/// within 1% of the exact nearest-rank values (latencies of at least 1 ms).
@Suite struct SketchAccuracyTests {
    @Test func richSample() async throws {
        let snapshot = try await HistoryFixture.rich.value
        let compared = try HistoryFixture.expectStoreMatchesReport(snapshot, days: try HistoryFixture.dataDays(snapshot))
        #expect(compared > 0, "no percentile of at least 1 ms was compared")
    }

    /// The api-doc sample has no `delivered_at`, so no latency: only its counts (and
    /// empty latency cells) are compared.
    @Test func apiDocSampleWithoutLatencies() async throws {
        let snapshot = try await HistoryFixture.apiDoc.value
        let compared = try HistoryFixture.expectStoreMatchesReport(snapshot, days: try HistoryFixture.dataDays(snapshot))
        #expect(compared == 0)
    }

    @Test func generatedWorldOverTwoMonths() async throws {
        let snapshot = try await HistoryFixture.world.value
        let compared = try HistoryFixture.expectStoreMatchesReport(snapshot, days: try HistoryFixture.dataDays(snapshot))
        #expect(compared > 0, "no percentile of at least 1 ms was compared")
    }
}
