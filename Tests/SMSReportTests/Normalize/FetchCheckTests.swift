import Testing

/// Contract §3 "Filters": `missing_batch_report` and `count_mismatch`, counted over
/// the whole snapshot.
@Suite struct FetchCheckTests {
    static func row(_ second: Int, _ phone: String = "9841234567") -> String {
        UnitJSON.row(sentAt: "2025-11-04T17:00:\(second < 10 ? "0" : "")\(second).000000+05:45", phone: phone)
    }

    @Test func batchListedInBatchIDsWithoutItsReportIsMissing() async throws {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.batchIDs: "[" + [
                UnitJSON.batchIDRow(sentAt: "2025-11-04T17:00:01+05:45", status: "SENT", batchID: "B1"),
                UnitJSON.batchIDRow(sentAt: "2025-11-04T17:00:02+05:45", status: "SENT", batchID: "B2"),
                UnitJSON.batchIDRow(sentAt: "2025-11-04T17:00:03+05:45", status: "SENT", batchID: "B3"),
                UnitJSON.batchIDRow(sentAt: "2025-11-04T17:00:04+05:45", status: "SENT", batchID: "B3"),
            ].joined(separator: ",") + "]",
            UnitSnapshot.batch("B1"): UnitJSON.batchReport([Self.row(1)]),
        ])
        // B2 and B3 have no report; B3 is listed twice but is one batch.
        #expect(snapshot.normalized.fetchChecks.missingBatchReports == 2)
    }

    @Test func batchReportThatIsTheAPIsErrorBodyIsMissing() async throws {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.batchIDs: "[" + [
                UnitJSON.batchIDRow(sentAt: "2025-11-04T17:00:01+05:45", status: "SENT", batchID: "B1"),
                UnitJSON.batchIDRow(sentAt: "2025-11-04T17:00:02+05:45", status: "SENT", batchID: "B2"),
            ].joined(separator: ",") + "]",
            UnitSnapshot.batch("B1"): UnitJSON.batchReport([Self.row(1)]),
            UnitSnapshot.batch("B2"): #"{"error": "SMS message not found."}"#,
        ])
        #expect(snapshot.normalized.fetchChecks.missingBatchReports == 1)
        #expect(snapshot.normalized.fetchChecks.missingBatchReportsExample == "B2")
    }

    @Test func everyBatchReportPresentIsClean() async throws {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.batchIDs: "[" + UnitJSON.batchIDRow(
                sentAt: "2025-11-04T17:00:01+05:45", status: "SENT", batchID: "campaign/2025-11 A") + "]",
            UnitSnapshot.batch("campaign%2F2025-11%20A"): UnitJSON.batchReport([Self.row(1)]),
        ])
        #expect(snapshot.normalized.fetchChecks.missingBatchReports == 0)
    }

    @Test func lastPageCountAboveTheRowsReadIsAMismatch() async throws {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 5, hasNext: true, rows: [Self.row(1), Self.row(2)]),
            UnitSnapshot.page(2): UnitJSON.page(count: 5, rows: [Self.row(3), Self.row(4)]),
        ])
        #expect(snapshot.normalized.fetchChecks.countMismatch == 1)
    }

    @Test func repeatedRowsAreNotDistinctRowsForTheMismatch() async throws {
        // 4 rows read, one a repeat: 3 distinct rows against a count of 4.
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 4, hasNext: true, rows: [Self.row(1), Self.row(2)]),
            UnitSnapshot.page(2): UnitJSON.page(count: 4, rows: [Self.row(2), Self.row(3)]),
        ])
        #expect(snapshot.normalized.fetchChecks.duplicateRows == 1)
        #expect(snapshot.normalized.fetchChecks.countMismatch == 1)
    }

    @Test func countThatGrewWhilePagingIsTakenFromTheLastPage() async throws {
        // Page 1 said 3, page 2 says 4, and 4 distinct rows were read.
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 3, hasNext: true, rows: [Self.row(1), Self.row(2)]),
            UnitSnapshot.page(2): UnitJSON.page(count: 4, rows: [Self.row(3), Self.row(4)]),
        ])
        #expect(snapshot.normalized.fetchChecks.countMismatch == 0)
    }

    @Test func rowWithSeveralRecipientsIsOneRowForTheCount() async throws {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 1, rows: [
                UnitJSON.row(sentAt: "2025-11-04T17:00:01+05:45", recipients: [
                    UnitJSON.recipient("9841000001"), UnitJSON.recipient("9841000002"),
                ]),
            ]),
        ])
        #expect(snapshot.normalized.deliveries.count == 2)
        #expect(snapshot.normalized.fetchChecks.countMismatch == 0)
    }

    @Test func lastPageCountBelowTheRowsReadIsAMismatchToo() async throws {
        // 3 distinct rows read, but the last page says 1.
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 3, hasNext: true, rows: [Self.row(1), Self.row(2)]),
            UnitSnapshot.page(2): UnitJSON.page(count: 1, rows: [Self.row(3)]),
        ])
        #expect(snapshot.normalized.fetchChecks.countMismatch == 2)
    }
}
