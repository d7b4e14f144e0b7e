@testable import SMSAggregate
@testable import SMSCore
@testable import SMSHistory
@testable import SMSStore
import Testing

/// Contract §9 `history`: buckets by day, ISO week or month, a row per bucket and
/// group in order, `<G>` then `latency_quantiles, complete_days, stored_days`, and
/// days missing from the store listed, never counted as zero.
@Suite struct HistoryTableTests {
    static func day(_ text: String) -> LocalDay {
        LocalDay(iso: text) ?? LocalDay(daysSinceEpoch: 0)
    }

    @Test(arguments: [
        ("2024-12-29", "2024-W52"), ("2024-12-30", "2025-W01"), ("2025-01-05", "2025-W01"),
        ("2027-01-01", "2026-W53"), ("2027-01-03", "2026-W53"), ("2027-01-04", "2027-W01"),
        ("2020-12-31", "2020-W53"), ("2021-01-01", "2020-W53"), ("2025-11-04", "2025-W45"),
    ])
    func isoWeekLabels(day: String, week: String) {
        #expect(HistoryBucket.week.label(of: Self.day(day)) == week)
    }

    @Test func weeksStartOnMonday() {
        #expect(ISOWeek(containing: Self.day("2025-11-09")).monday == Self.day("2025-11-03"))
        #expect(ISOWeek(containing: Self.day("2025-11-03")).monday == Self.day("2025-11-03"))
        #expect(HistoryBucket.month.label(of: Self.day("2025-11-30")) == "2025-11")
        #expect(HistoryBucket.day.label(of: Self.day("2025-11-30")) == "2025-11-30")
    }

    /// Stored days with deliveries on 3, 4 and 10 November, and 5 November stored with
    /// none; 6…9 November not stored.
    static func writes() async throws -> [DayWrite] {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 4, rows: [
                UnitJSON.row(sentAt: "2025-11-03T10:00:00+05:45", deliveredAt: "2025-11-03T10:00:02+05:45",
                             status: "DELIVERED", phone: "9841000001"),
                UnitJSON.row(sentAt: "2025-11-04T10:00:00+05:45", status: "FAILED", phone: "9801000001"),
                UnitJSON.row(sentAt: "2025-11-10T10:00:00+05:45", deliveredAt: "2025-11-10T10:00:04+05:45",
                             status: "DELIVERED", phone: "9801000002"),
                UnitJSON.row(sentAt: "2025-11-10T11:00:00+05:45", status: "SENT", phone: "12345"),
            ]),
        ])
        let stored = ["2025-11-03", "2025-11-04", "2025-11-05", "2025-11-10"].map(day)
        let plan = StoredDayPlan(days: stored, completeDays: Set(stored.dropLast()))
        return DayRollupBuilder.dayWrites(snapshot: snapshot, account: "acme", timeZone: .kathmandu, plan: plan,
                                          snapshotName: "s")
    }

    static func cells(_ result: HistoryResult, _ column: String) throws -> [Cell] {
        let index = try #require(result.table.columnIndex(column))
        return result.table.rows.map { $0[index] }
    }

    @Test func daysBucketsListStoredDaysAndNameTheMissingOnes() async throws {
        let result = try HistoryFixture.history(try await Self.writes(), HistoryQuery(account: "acme", bucket: .day))
        #expect(result.table.name == "history")
        #expect(result.table.columns.map(\.name) == ["bucket"] + GroupColumns.columns.map(\.name)
                + ["latency_quantiles", "complete_days", "stored_days"])
        #expect(try Self.cells(result, "bucket") == ["2025-11-03", "2025-11-04", "2025-11-05", "2025-11-10"].map(Cell.text))
        #expect(try Self.cells(result, "deliveries") == [1, 1, 0, 2].map(Cell.integer))
        #expect(try Self.cells(result, "delivery_rate")[2] == .empty)
        #expect(try Self.cells(result, "latency_mean_s")[2] == .empty)
        #expect(try Self.cells(result, "latency_quantiles").allSatisfy { $0 == .text("approx-1%") })
        #expect(try Self.cells(result, "complete_days") == [1, 1, 1, 0].map(Cell.integer))
        #expect(result.missingDays == ["2025-11-06", "2025-11-07", "2025-11-08", "2025-11-09"].map(Self.day))
        #expect(result.coveredDays == Self.day("2025-11-03")...Self.day("2025-11-10"))
        #expect(result.storedDays == 4 && result.completeDays == 3)
    }

    @Test func weekAndMonthBucketsCountTheirStoredDays() async throws {
        let writes = try await Self.writes()
        let weeks = try HistoryFixture.history(writes, HistoryQuery(account: "acme", bucket: .week))
        #expect(try Self.cells(weeks, "bucket") == [.text("2025-W45"), .text("2025-W46")])
        #expect(try Self.cells(weeks, "deliveries") == [.integer(2), .integer(2)])
        #expect(try Self.cells(weeks, "stored_days") == [.integer(3), .integer(1)])
        #expect(try Self.cells(weeks, "complete_days") == [.integer(3), .integer(0)])
        let months = try HistoryFixture.history(writes, HistoryQuery(account: "acme", bucket: .month))
        #expect(try Self.cells(months, "bucket") == [.text("2025-11")])
        #expect(try Self.cells(months, "latency_mean_s") == [.seconds(3_000_000)])
        #expect(try Self.cells(months, "latency_max_s") == [.seconds(4_000_000)])
    }

    @Test func fromAndToBoundTheDaysAndListMissingDaysAtTheEdges() async throws {
        let query = HistoryQuery(account: "acme", from: Self.day("2025-11-01"), to: Self.day("2025-11-04"), bucket: .day)
        let result = try HistoryFixture.history(try await Self.writes(), query)
        #expect(try Self.cells(result, "bucket") == [.text("2025-11-03"), .text("2025-11-04")])
        #expect(result.missingDays == [Self.day("2025-11-01"), Self.day("2025-11-02")])
    }

    @Test func groupedRowsAreOrderedByBucketThenGroupWithoutEmptyGroups() async throws {
        let writes = try await Self.writes()
        let byOperator = try HistoryFixture.history(writes, HistoryQuery(account: "acme", bucket: .week, group: .operatorName))
        #expect(byOperator.table.columns.map(\.name).prefix(2) == ["bucket", "operator"])
        #expect(try Self.cells(byOperator, "bucket") == ["2025-W45", "2025-W45", "2025-W46", "2025-W46"].map(Cell.text))
        #expect(try Self.cells(byOperator, "operator") == ["NCELL", "NTC", "INVALID", "NCELL"].map(Cell.text))
        let byBatch = try HistoryFixture.history(writes, HistoryQuery(account: "acme", bucket: .month, group: .batch))
        #expect(try Self.cells(byBatch, "batch_id") == [.text("(no batch)")])
        let byStatus = try HistoryFixture.history(writes, HistoryQuery(account: "acme", bucket: .month, group: .status))
        #expect(try Self.cells(byStatus, "status") == ["delivered", "failed", "sent"].map(Cell.text))
        let byPrefix = try HistoryFixture.history(writes, HistoryQuery(account: "acme", bucket: .month, group: .prefix))
        #expect(try Self.cells(byPrefix, "prefix") == ["", "980", "984"].map(Cell.text))
    }

    @Test func prunedDaysAreReportedAndNotCountedAsZero() async throws {
        let writes = try await Self.writes()
        let pruned = writes.map { write in
            write.day.day == Self.day("2025-11-03") ? DayWrite(day: write.day, operatorRollups: [], batchRollups: []) : write
        }
        let result = try HistoryFixture.history(pruned, HistoryQuery(account: "acme", bucket: .day))
        #expect(result.prunedDays == [Self.day("2025-11-03")])
        #expect(try Self.cells(result, "bucket") == ["2025-11-04", "2025-11-05", "2025-11-10"].map(Cell.text))
        #expect(result.missingDays.count == 4 && result.storedDays == 3)
    }

    @Test func nothingStoredGivesAnEmptyTable() throws {
        let result = try HistoryFixture.history([], HistoryQuery(account: "acme", bucket: .month, group: .batch))
        #expect(result.table.rowCount == 0 && result.coveredDays == nil && result.missingDays.isEmpty)
        #expect(result.table.columns.map(\.name).prefix(2) == ["bucket", "batch_id"])
    }

    @Test func anUnreadableSketchIsAnErrorNotAZero() async throws {
        var writes = try await Self.writes()
        writes[0].operatorRollups[0].latency.sketch = [9, 9, 9]
        #expect(throws: HistoryError.self) {
            try HistoryFixture.history(writes, HistoryQuery(account: "acme", bucket: .day))
        }
    }
}
