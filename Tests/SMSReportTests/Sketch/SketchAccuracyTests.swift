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
        try HistoryFixture.expectStoreMatchesReport(snapshot, days: try HistoryFixture.dataDays(snapshot))
    }

    @Test func apiDocSample() async throws {
        let snapshot = try await HistoryFixture.apiDoc.value
        try HistoryFixture.expectStoreMatchesReport(snapshot, days: try HistoryFixture.dataDays(snapshot))
    }

    @Test func generatedWorldOverTwoMonths() async throws {
        let snapshot = try await HistoryFixture.world.value
        try HistoryFixture.expectStoreMatchesReport(snapshot, days: try HistoryFixture.dataDays(snapshot))
    }
}
