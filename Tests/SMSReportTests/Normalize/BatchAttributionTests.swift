@testable import SMSIngest
import Testing

/// Contract §3 "Batch": from the batch report that lists the delivery, else from a
/// batch-ids row with the same `sent_at` instant, else empty.
@Suite struct BatchAttributionTests {
    static let listed = "2025-11-04T17:00:45.023143+05:45"
    static let onlyInBatchIDs = "2025-11-04T17:00:45.046816+05:45"
    static let nowhere = "2025-11-04T17:00:45.070173+05:45"

    static func batches(_ snapshot: LoadedSnapshot) -> [String: String] {
        Dictionary(uniqueKeysWithValues: snapshot.normalized.deliveries.map { ($0.phone, $0.batchID) })
    }

    @Test func batchReportComesFirstThenBatchIDsThenNone() async throws {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 3, rows: [
                UnitJSON.row(sentAt: Self.listed, phone: "9841000001"),
                UnitJSON.row(sentAt: Self.onlyInBatchIDs, phone: "9841000002"),
                UnitJSON.row(sentAt: Self.nowhere, phone: "9841000003"),
            ]),
            UnitSnapshot.batch("from-report"): UnitJSON.batchReport([
                UnitJSON.row(sentAt: Self.listed, phone: "9841000001"),
            ]),
            UnitSnapshot.batchIDs: "[" + [
                UnitJSON.batchIDRow(sentAt: Self.listed, status: "SENT", batchID: "from-batch-ids-1"),
                UnitJSON.batchIDRow(sentAt: Self.onlyInBatchIDs, status: "SENT", batchID: "from-batch-ids-2"),
            ].joined(separator: ",") + "]",
        ])
        #expect(Self.batches(snapshot) == [
            "9841000001": "from-report",
            "9841000002": "from-batch-ids-2",
            "9841000003": "",
        ])
    }

    @Test func batchIDsRowMatchesTheInstantWhateverTheOffset() async throws {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 1, rows: [
                UnitJSON.row(sentAt: "2025-11-04T17:00:45.153834+05:45", phone: "9841000001"),
            ]),
            UnitSnapshot.batchIDs: "[" + UnitJSON.batchIDRow(
                sentAt: "2025-11-04T11:15:45.153834Z", status: "SENT", batchID: "B-utc") + "]",
        ])
        #expect(Self.batches(snapshot) == ["9841000001": "B-utc"])
    }

    @Test func batchIDsRowMatchesOnlyTheExactMicrosecond() async throws {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 1, rows: [
                UnitJSON.row(sentAt: "2025-11-04T17:00:45.153834+05:45", phone: "9841000001"),
            ]),
            UnitSnapshot.batchIDs: "[" + UnitJSON.batchIDRow(
                sentAt: "2025-11-04T17:00:45.153835+05:45", status: "1", batchID: "B") + "]",
        ])
        let delivery = try #require(snapshot.normalized.deliveries.first)
        #expect(delivery.batchID == "")
        #expect(delivery.status == .sent)
    }

    @Test func batchIDsRowGivesItsBatchToEveryRecipientOfTheMessage() async throws {
        let sentAt = "2025-11-04T17:00:45.153834+05:45"
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 1, rows: [
                UnitJSON.row(sentAt: sentAt, recipients: [
                    UnitJSON.recipient("9841000001"), UnitJSON.recipient("9801000002"),
                ]),
            ]),
            UnitSnapshot.batchIDs: "[" + UnitJSON.batchIDRow(sentAt: sentAt, status: "1", batchID: "B") + "]",
        ])
        #expect(Self.batches(snapshot) == ["9841000001": "B", "9801000002": "B"])
        #expect(snapshot.normalized.deliveries.allSatisfy { $0.status == .delivered })
    }

    @Test func deliveryOnlyInABatchReportIsRead() async throws {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.batch("B-only"): UnitJSON.batchReport([
                UnitJSON.row(sentAt: Self.listed, phone: "9841000001"),
            ]),
        ])
        #expect(Self.batches(snapshot) == ["9841000001": "B-only"])
    }

    @Test func batchIDComesFromTheManifestElseFromTheDecodedFileName() async throws {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.manifest: #"""
                {"complete": true, "reasons": [],
                 "batches": {"campaign%2F2025-11%20A.json": "campaign/2025-11 A", "x.json": "real id of x"}}
                """#,
            UnitSnapshot.batch("campaign%2F2025-11%20A"): UnitJSON.batchReport([
                UnitJSON.row(sentAt: Self.listed, phone: "9841000001"),
            ]),
            UnitSnapshot.batch("x"): UnitJSON.batchReport([
                UnitJSON.row(sentAt: Self.onlyInBatchIDs, phone: "9841000002"),
            ]),
            UnitSnapshot.batch("promo%20%E0%A4%A8"): UnitJSON.batchReport([
                UnitJSON.row(sentAt: Self.nowhere, phone: "9841000003"),
            ]),
        ])
        #expect(Self.batches(snapshot) == [
            "9841000001": "campaign/2025-11 A",
            "9841000002": "real id of x",
            "9841000003": "promo न",
        ])
    }

    @Test func withoutAManifestTheFileNameIsPercentDecoded() async throws {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.batch("campaign%2F2025-11%20A"): UnitJSON.batchReport([
                UnitJSON.row(sentAt: Self.listed, phone: "9841000001"),
            ]),
        ])
        #expect(Self.batches(snapshot) == ["9841000001": "campaign/2025-11 A"])
    }
}
