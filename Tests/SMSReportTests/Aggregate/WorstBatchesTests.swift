@testable import SMSAggregate
import Testing

/// The summary page's "batches with the lowest delivery rate", made by aggregation.
@Suite struct WorstBatchesTests {
    /// A batch report of `delivered` delivered and `other` undeliverable deliveries.
    static func batch(_ hour: Int, delivered: Int, other: Int) -> String {
        let rows = (0..<(delivered + other)).map { index in
            UnitJSON.row(sentAt: "2025-11-04T\(hour < 10 ? "0" : "")\(hour):00:\(index < 10 ? "0" : "")\(index)+05:45",
                         deliveredAt: index < delivered ? "2025-11-04T23:00:00+05:45" : nil,
                         status: index < delivered ? "DELIVERED" : "UNDELIVERABLE",
                         phone: "98410\(hour < 10 ? "0" : "")\(hour)\(index < 10 ? "00" : "0")\(index)")
        }
        return UnitJSON.batchReport(rows)
    }

    @Test func batchesAreRankedByRateThenSize() async throws {
        let tables = try await UnitReport.tables([
            UnitSnapshot.batch("half-small"): Self.batch(1, delivered: 1, other: 1),   // 50 %, 2 deliveries
            UnitSnapshot.batch("all"): Self.batch(2, delivered: 3, other: 0),          // 100 %
            UnitSnapshot.batch("none"): Self.batch(3, delivered: 0, other: 2),         // 0 %
            UnitSnapshot.batch("half-large"): Self.batch(4, delivered: 2, other: 2),   // 50 %, 4 deliveries
            UnitSnapshot.batch("third"): Self.batch(5, delivered: 1, other: 2),        // 33.3 %
        ])
        // These batches are tiny, so the ranking is asked of every batch, whatever its size.
        let worst = TableBuilder.worstBatches(tables.byBatch, limit: ReportHighlights.worstBatchLimit, minimumDeliveries: 1)
        #expect(worst.name == "worst_batches")
        #expect(worst.columns == tables.byBatch.columns)
        #expect(UnitReport.texts(worst, "batch_id") == ["none", "third", "half-large", "half-small", "all"])
    }

    @Test func batchesUnderTheMinimumAreNotRanked() async throws {
        let tables = try await UnitReport.tables([
            UnitSnapshot.batch("tiny"): Self.batch(1, delivered: 0, other: 2),      // 0 %, 2 deliveries: noise
            UnitSnapshot.batch("big"): Self.batch(2, delivered: 20, other: 5),      // 80 %, 25 deliveries
            UnitSnapshot.batch("edge"): Self.batch(3, delivered: 19, other: 1),     // 95 %, exactly 20
            UnitSnapshot.batch("short"): Self.batch(4, delivered: 10, other: 9),    // 52.6 %, 19 deliveries
        ])
        #expect(tables.highlights.worstBatchMinimumDeliveries == 20)
        #expect(UnitReport.texts(tables.highlights.worstBatches, "batch_id") == ["big", "edge"])
        let snapshot = try await UnitSnapshot.load([UnitSnapshot.batch("big"): Self.batch(2, delivered: 20, other: 5)])
        let options = UnitReport.options()
        let strict = Aggregator.tables(for: snapshot, options: options, selected: Aggregator.select(snapshot, options: options),
                                       worstBatchMinimum: 50)
        #expect(strict.highlights.worstBatches.rowCount == 0)
        #expect(strict.highlights.worstBatchMinimumDeliveries == 50)
    }

    @Test func atMostTenAreListedWithTheirByBatchRows() async throws {
        var files: [String: String] = [:]
        for hour in 1...12 {
            files[UnitSnapshot.batch("b\(hour)")] = Self.batch(hour, delivered: hour % 3, other: 1)
        }
        let tables = try await UnitReport.tables(files)
        let worst = TableBuilder.worstBatches(tables.byBatch, limit: ReportHighlights.worstBatchLimit, minimumDeliveries: 1)
        #expect(worst.rowCount == ReportHighlights.worstBatchLimit)
        for row in worst.rows {
            #expect(tables.byBatch.rows.contains(row), "a listed row is not a by_batch row")
        }
        let rates = UnitReport.column(worst, "delivery_rate").map { cell -> Double in
            if case .rate(let ratio) = cell { return ratio.value }
            return -1
        }
        #expect(rates == rates.sorted())
    }

    @Test func undeliverableAndFailedAreAddedUp() async throws {
        let tables = try await UnitReport.tables([
            UnitSnapshot.page(1): UnitJSON.page(count: 4, rows: [
                UnitJSON.row(sentAt: "2025-11-04T09:00:00+05:45", status: "FAILED", phone: "9841000000"),
                UnitJSON.row(sentAt: "2025-11-04T09:00:01+05:45", status: "UNDELIV", phone: "9841000001"),
                UnitJSON.row(sentAt: "2025-11-04T09:00:02+05:45", status: "ERROR", phone: "9841000002"),
                UnitJSON.row(sentAt: "2025-11-04T09:00:03+05:45", status: "REJECTED", phone: "9841000003"),
            ]),
        ])
        #expect(tables.highlights.undeliverableOrFailed == 3)
    }
}
