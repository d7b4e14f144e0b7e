import Foundation
@testable import SMSAggregate
@testable import SMSCore
@testable import SMSHistory
@testable import SMSIngest
@testable import SMSStore
@testable import SnapshotFormat
import Testing

/// Contract §9 "What it keeps" and "Which days a snapshot writes": one days row per
/// planned day with its rollups at two grains, whose totals are the day's.
@Suite struct DayRollupTests {
    @Test func eachGrainAddsUpToTheDay() async throws {
        let snapshot = try await HistoryFixture.world.value
        let writes = HistoryFixture.writes(snapshot, days: try HistoryFixture.dataDays(snapshot))
        #expect(writes.reduce(0) { $0 + $1.day.deliveries } == snapshot.normalized.deliveries.count)
        for write in writes {
            #expect(write.operatorRollups.reduce(0) { $0 + $1.deliveries } == write.day.deliveries)
            #expect(write.batchRollups.reduce(0) { $0 + $1.deliveries } == write.day.deliveries)
            let operatorSegments = write.operatorRollups.reduce(0) { $0 + $1.gsm7Segments + $1.ucs2Segments }
            #expect(operatorSegments == write.batchRollups.reduce(0) { $0 + $1.gsm7Segments + $1.ucs2Segments })
            #expect(write.operatorRollups.reduce(0) { $0 + $1.latency.count }
                    == write.batchRollups.reduce(0) { $0 + $1.latency.count })
            #expect(write.operatorRollups.allSatisfy { $0.day == write.day.day && $0.account == HistoryFixture.account })
        }
    }

    @Test func theDaysRowCarriesTheReportsMessagesAndQualityCounts() async throws {
        let snapshot = try await HistoryFixture.rich.value
        let days = try HistoryFixture.dataDays(snapshot)
        let writes = HistoryFixture.writes(snapshot, days: days)
        for write in writes {
            let report = HistoryFixture.report(snapshot, days: write.day.day...write.day.day)
            #expect(write.day.messages == report.figures.messages, "messages of \(write.day.day)")
            let quality = report.dataQuality
            for row in quality.rows {
                let check = HistoryFixture.text(row[0])
                #expect(write.day.qualityCounts[check].map(Cell.integer) == row[1], "\(check) of \(write.day.day)")
            }
            #expect(write.day.dataAsOf == snapshot.manifest?.fetchFinished.flatMap(TimestampParser.parse))
            #expect(write.day.snapshot == "unit")
        }
    }

    @Test func writingTheSameSnapshotAgainGivesIdenticalDays() async throws {
        let snapshot = try await HistoryFixture.world.value
        let days = try HistoryFixture.dataDays(snapshot)
        #expect(HistoryFixture.writes(snapshot, days: days) == HistoryFixture.writes(snapshot, days: days))
    }

    @Test func daysWithoutDeliveriesAreStoredWithZero() async throws {
        let snapshot = try await HistoryFixture.rich.value
        let data = try HistoryFixture.dataDays(snapshot)
        let before = LocalDay(daysSinceEpoch: data.lowerBound.daysSinceEpoch - 3)
        let writes = HistoryFixture.writes(snapshot, days: before...data.upperBound)
        #expect(writes.count == Int(data.upperBound.daysSinceEpoch - before.daysSinceEpoch) + 1)
        let empty = writes.prefix(3)
        #expect(empty.allSatisfy { $0.day.deliveries == 0 && $0.day.messages == 0 && $0.operatorRollups.isEmpty && $0.batchRollups.isEmpty })
        #expect(empty.allSatisfy { $0.day.qualityCounts[DataQualityCheck.invalidPhone.rawValue] == 0 })
    }

    @Test func anIncompleteSnapshotWritesNoDays() async throws {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.manifest: Self.manifest(complete: false),
            UnitSnapshot.page(1): UnitJSON.page(count: 1, rows: [
                UnitJSON.row(sentAt: "2025-11-03T10:00:00+05:45", status: "DELIVERED", message: "Hi", phone: "9841000001"),
            ]),
        ])
        let day = try #require(LocalDay(iso: "2025-11-03"))
        let plan = StoredDayPlan(snapshot: snapshot, period: day...day, timeZone: .kathmandu)
        #expect(plan.days.isEmpty)
        #expect(DayRollupBuilder.dayWrites(snapshot: snapshot, account: "acme", timeZone: .kathmandu, plan: plan,
                                           snapshotName: "s").isEmpty)
    }

    @Test func sinceAndUntilLimitTheDaysWritten() async throws {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.manifest: Self.manifest(complete: true, since: "2025-11-02", until: "2025-11-04"),
            UnitSnapshot.page(1): UnitJSON.page(count: 2, rows: [
                UnitJSON.row(sentAt: "2025-11-01T22:00:00+05:45", status: "SENT", message: "Recheck", phone: "9841000001"),
                UnitJSON.row(sentAt: "2025-11-03T10:00:00+05:45", status: "DELIVERED", message: "Hi", phone: "9841000002"),
            ]),
        ])
        let period = try #require(LocalDay(iso: "2025-11-01"))...(try #require(LocalDay(iso: "2025-11-06")))
        let plan = StoredDayPlan(snapshot: snapshot, period: period, timeZone: .kathmandu)
        let writes = DayRollupBuilder.dayWrites(snapshot: snapshot, account: "acme", timeZone: .kathmandu, plan: plan,
                                                snapshotName: "s")
        #expect(writes.map(\.day.day.description) == ["2025-11-02", "2025-11-03", "2025-11-04"])
        #expect(writes.map(\.day.deliveries) == [0, 1, 0])
        #expect(writes.allSatisfy { $0.day.isComplete })
    }

    @Test func aDayFetchedBeforeItEndedIsStoredIncomplete() async throws {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.manifest: Self.manifest(complete: true, fetchFinished: "2025-11-03T12:00:00+05:45"),
            UnitSnapshot.page(1): UnitJSON.page(count: 1, rows: [
                UnitJSON.row(sentAt: "2025-11-03T10:00:00+05:45", status: "DELIVERED", message: "Hi", phone: "9841000002"),
            ]),
        ])
        let day = try #require(LocalDay(iso: "2025-11-03"))
        let previous = LocalDay(daysSinceEpoch: day.daysSinceEpoch - 1)
        let plan = StoredDayPlan(snapshot: snapshot, period: previous...day, timeZone: .kathmandu)
        let writes = DayRollupBuilder.dayWrites(snapshot: snapshot, account: "acme", timeZone: .kathmandu, plan: plan,
                                                snapshotName: "s")
        #expect(writes.map(\.day.isComplete) == [true, false])
    }

    @Test func rollupsKeepSegmentsByEncodingRawValuesAndLatency() async throws {
        let nepali = String(repeating: "नमस्ते ", count: 12)   // UCS-2, 2 segments
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 3, rows: [
                UnitJSON.row(sentAt: "2025-11-03T10:00:00+05:45", deliveredAt: "2025-11-03T10:00:02.5+05:45",
                             status: "DELIVRD", message: "Hi", phone: "9841000001"),
                UnitJSON.row(sentAt: "2025-11-03T11:00:00+05:45", deliveredAt: "2025-11-03T11:00:10+05:45",
                             status: "delivered", message: nepali, phone: "9841000002"),
                UnitJSON.row(sentAt: "2025-11-03T12:00:00+05:45", deliveredAt: "2025-11-03T11:59:00+05:45",
                             status: "DELIVERED", message: "Hi", phone: "9841000003"),
            ]),
        ])
        let day = try #require(LocalDay(iso: "2025-11-03"))
        let writes = DayRollupBuilder.dayWrites(snapshot: snapshot, account: "acme", timeZone: .kathmandu,
                                                plan: StoredDayPlan(days: [day], completeDays: [day]), snapshotName: "s")
        let rollup = try #require(writes.first?.operatorRollups.first)
        #expect(writes.first?.operatorRollups.count == 1)
        #expect(rollup.operatorName == "NTC" && rollup.prefix == "984" && rollup.status == .delivered)
        #expect(rollup.deliveries == 3 && rollup.gsm7Segments == 2 && rollup.ucs2Segments == 2)
        #expect(rollup.rawValues == ["DELIVERED", "DELIVRD", "delivered"])
        #expect(rollup.latency.count == 2 && rollup.latency.sumMicroseconds == 12_500_000)
        #expect(rollup.latency.maxMicroseconds == 10_000_000)
        #expect(writes.first?.day.qualityCounts["negative_latency"] == 1)
        let batch = try #require(writes.first?.batchRollups.first)
        #expect(batch.batchID == "" && batch.firstSentAt < batch.lastSentAt)
    }

    static func manifest(complete: Bool, since: String? = nil, until: String? = nil,
                         fetchFinished: String = "2025-11-10T01:00:00+05:45") -> String {
        let quoted = { (value: String?) in value.map { "\"\($0)\"" } ?? "null" }
        return """
        {"tool": "unit", "base_url": "https://dicesms.asia", "fetch_started": "\(fetchFinished)",
         "fetch_finished": "\(fetchFinished)", "complete": \(complete), "reasons": \(complete ? "[]" : "[\"page 2 failed\"]"),
         "page_size": 50, "since": \(quoted(since)), "until": \(quoted(until)), "batches": {}, "requests": []}
        """
    }
}
