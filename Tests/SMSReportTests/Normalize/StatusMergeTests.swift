@testable import SMSAggregate
@testable import SMSCore
@testable import SMSIngest
@testable import SnapshotFormat
import Testing

/// Contract §3 "Status" and "Precisions": which row gives a delivery its status and
/// `delivered_at` when several rows describe it.
@Suite struct StatusMergeTests {
    static let sentAt = "2025-11-04T17:00:45.153834+05:45"

    static func only(_ snapshot: LoadedSnapshot) throws -> Delivery {
        try #require(snapshot.normalized.deliveries.count == 1)
        return snapshot.normalized.deliveries[0]
    }

    @Test func numericFinalCodeInBatchIDsBeatsSentAndBringsItsDeliveredAt() async throws {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 1, rows: [
                UnitJSON.row(sentAt: Self.sentAt, status: "SENT", phone: "9841234567"),
            ]),
            UnitSnapshot.batchIDs: "[" + UnitJSON.batchIDRow(
                sentAt: Self.sentAt, deliveredAt: "2025-11-04T17:00:47.653834+05:45", status: "1",
                batchID: "881127472383-4566") + "]",
        ])
        let delivery = try Self.only(snapshot)
        #expect(delivery.status == .delivered)
        #expect(delivery.statusRaw == "1")
        #expect(delivery.deliveredAt == TimestampParser.parse("2025-11-04T17:00:47.653834+05:45"))
        #expect(delivery.latencyMicroseconds == 2_500_000)
        #expect(!delivery.hasStatusConflict)
    }

    @Test func finalCodeAsAJSONNumberIsReadLikeTheString() async throws {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 1, rows: [
                UnitJSON.row(sentAt: Self.sentAt, status: "SENT", phone: "9841234567"),
            ]),
            UnitSnapshot.batchIDs: #"[{"sent_at": "\#(Self.sentAt)", "delivered_at": null, "status": 4, "batch_id": "B"}]"#,
        ])
        let delivery = try Self.only(snapshot)
        #expect(delivery.status == .undeliverable)
        #expect(delivery.statusRaw == "4")
    }

    @Test func statusAndDeliveredAtComeFromTheSameRow() async throws {
        // The report row is SENT yet has a delivered_at; the batch-ids row's final
        // UNDELIVERABLE wins, and with it its null delivered_at.
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 1, rows: [
                UnitJSON.row(sentAt: Self.sentAt, deliveredAt: "2025-11-04T17:00:50+05:45", status: "SENT",
                             phone: "9841234567"),
            ]),
            UnitSnapshot.batchIDs: "[" + UnitJSON.batchIDRow(sentAt: Self.sentAt, status: "4", batchID: "B") + "]",
        ])
        let delivery = try Self.only(snapshot)
        #expect(delivery.status == .undeliverable)
        #expect(delivery.deliveredAt == nil)
    }

    @Test func finalReportRowBeatsANonFinalBatchIDsRow() async throws {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 1, rows: [
                UnitJSON.row(sentAt: Self.sentAt, deliveredAt: "2025-11-04T17:00:46.153834+05:45",
                             status: "DELIVRD", phone: "9841234567"),
            ]),
            UnitSnapshot.batchIDs: "[" + UnitJSON.batchIDRow(sentAt: Self.sentAt, status: "SENT", batchID: "B") + "]",
        ])
        let delivery = try Self.only(snapshot)
        #expect(delivery.status == .delivered)
        #expect(delivery.statusRaw == "DELIVRD")
        #expect(delivery.latencyMicroseconds == 1_000_000)
    }

    @Test func differingFinalStatusesKeepTheReportRowAndCountAConflict() async throws {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 1, rows: [
                UnitJSON.row(sentAt: Self.sentAt, deliveredAt: "2025-11-04T17:00:46.153834+05:45",
                             status: "DELIVERED", phone: "9841234567"),
            ]),
            UnitSnapshot.batchIDs: "[" + UnitJSON.batchIDRow(
                sentAt: Self.sentAt, deliveredAt: "2025-11-04T17:10:00+05:45", status: "4", batchID: "B") + "]",
        ])
        let delivery = try Self.only(snapshot)
        #expect(delivery.status == .delivered)
        #expect(delivery.statusRaw == "DELIVERED")
        #expect(delivery.deliveredAt == TimestampParser.parse("2025-11-04T17:00:46.153834+05:45"))
        #expect(delivery.hasStatusConflict)

        let tables = Aggregator.tables(for: snapshot, options: UnitReport.options())
        #expect(UnitReport.qualityCount(tables, "status_conflict") == 1)
    }

    @Test func batchReportRowDisagreeingWithAPageRowIsAConflict() async throws {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 1, rows: [
                UnitJSON.row(sentAt: Self.sentAt, status: "DELIVERED", phone: "9841234567"),
            ]),
            UnitSnapshot.batch("B"): UnitJSON.batchReport([
                UnitJSON.row(sentAt: Self.sentAt, status: "FAILED", phone: "9841234567"),
            ]),
        ])
        let delivery = try Self.only(snapshot)
        #expect(delivery.hasStatusConflict)
        #expect(snapshot.normalized.fetchChecks.duplicateRows == 0)
    }

    @Test func finalBatchReportRowBeatsSentOnThePage() async throws {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 1, rows: [
                UnitJSON.row(sentAt: Self.sentAt, status: "SENT", phone: "9841234567"),
            ]),
            UnitSnapshot.batch("B"): UnitJSON.batchReport([
                UnitJSON.row(sentAt: Self.sentAt, deliveredAt: "2025-11-04T17:00:48.153834+05:45",
                             status: "Delivered", phone: "9841234567"),
            ]),
        ])
        let delivery = try Self.only(snapshot)
        #expect(delivery.status == .delivered)
        #expect(delivery.statusRaw == "Delivered")
        #expect(delivery.latencyMicroseconds == 3_000_000)
        #expect(!delivery.hasStatusConflict)
    }
}
