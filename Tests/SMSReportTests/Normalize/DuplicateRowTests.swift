import Testing

/// Contract §3 "Key": the same delivery read twice is counted once; `duplicate_rows`
/// counts the rows dropped as repeats.
@Suite struct DuplicateRowTests {
    static let first = UnitJSON.row(sentAt: "2025-11-04T17:00:45.023143+05:45", phone: "9841111111")
    static let second = UnitJSON.row(sentAt: "2025-11-04T17:00:45.046816+05:45", phone: "9801912821")
    static let third = UnitJSON.row(sentAt: "2025-11-04T17:00:45.070173+05:45", phone: "9862575511")

    @Test func rowRepeatedOnTheNextPageIsCountedOnce() async throws {
        // New messages pushed `second` from page 1 onto page 2 while the pages were read.
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 3, hasNext: true, rows: [Self.first, Self.second]),
            UnitSnapshot.page(2): UnitJSON.page(count: 3, rows: [Self.second, Self.third]),
        ])
        #expect(snapshot.normalized.deliveries.count == 3)
        #expect(snapshot.normalized.fetchChecks.duplicateRows == 1)
        #expect(snapshot.normalized.fetchChecks.countMismatch == 0)
    }

    @Test func pageRowAndItsBatchReportAreOneDeliveryAndNoDuplicate() async throws {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 2, rows: [Self.first, Self.second]),
            UnitSnapshot.batch("881127472383-4566"): UnitJSON.batchReport([Self.first, Self.second]),
        ])
        #expect(snapshot.normalized.deliveries.count == 2)
        #expect(snapshot.normalized.fetchChecks.duplicateRows == 0)
        #expect(snapshot.normalized.deliveries.allSatisfy { $0.batchID == "881127472383-4566" })
    }

    @Test func sameMessageToTwoPhonesIsTwoDeliveries() async throws {
        let sentAt = "2025-11-04T17:00:45.023143+05:45"
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 2, rows: [
                UnitJSON.row(sentAt: sentAt, phone: "9841111111"),
                UnitJSON.row(sentAt: sentAt, phone: "9841111112"),
            ]),
        ])
        #expect(snapshot.normalized.deliveries.count == 2)
        #expect(snapshot.normalized.fetchChecks.duplicateRows == 0)
    }

    @Test func sameTimeAndPhoneWithAnotherTextIsAnotherDelivery() async throws {
        let sentAt = "2025-11-04T17:00:45.023143+05:45"
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 2, rows: [
                UnitJSON.row(sentAt: sentAt, message: "Your OTP is 1234", phone: "9841111111"),
                UnitJSON.row(sentAt: sentAt, message: "Your OTP is 5678", phone: "9841111111"),
            ]),
        ])
        #expect(snapshot.normalized.deliveries.count == 2)
    }

    @Test func oneMicrosecondApartIsAnotherDelivery() async throws {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 2, rows: [
                UnitJSON.row(sentAt: "2025-11-04T17:00:45.023143+05:45", phone: "9841111111"),
                UnitJSON.row(sentAt: "2025-11-04T17:00:45.023144+05:45", phone: "9841111111"),
            ]),
        ])
        #expect(snapshot.normalized.deliveries.count == 2)
        #expect(snapshot.normalized.fetchChecks.duplicateRows == 0)
    }

    @Test func sameInstantWrittenWithAnotherOffsetIsTheSameDelivery() async throws {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 1, hasNext: true, rows: [
                UnitJSON.row(sentAt: "2025-11-04T17:00:45.153834+05:45", phone: "9841111111"),
            ]),
            UnitSnapshot.page(2): UnitJSON.page(count: 1, rows: [
                UnitJSON.row(sentAt: "2025-11-04T11:15:45.153834Z", phone: #""+977 984-111-1111""#),
            ]),
        ])
        #expect(snapshot.normalized.deliveries.count == 1)
        #expect(snapshot.normalized.fetchChecks.duplicateRows == 1)
    }

    @Test func repeatedRowWithSeveralRecipientsIsOneDuplicateRow() async throws {
        let row = UnitJSON.row(sentAt: "2025-11-04T17:00:45.023143+05:45", recipients: [
            UnitJSON.recipient("9841111111"), UnitJSON.recipient("9801111111"), UnitJSON.recipient("9611111111"),
        ])
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 1, hasNext: true, rows: [row]),
            UnitSnapshot.page(2): UnitJSON.page(count: 1, rows: [row]),
        ])
        #expect(snapshot.normalized.deliveries.count == 3)
        #expect(snapshot.normalized.fetchChecks.duplicateRows == 1)
    }

    @Test func repeatThatBecameFinalMeanwhileGivesTheFinalStatus() async throws {
        // Between the two page reads the gateway reported the delivery.
        let sentAt = "2025-11-04T17:00:45.023143+05:45"
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 1, hasNext: true, rows: [
                UnitJSON.row(sentAt: sentAt, status: "SENT", phone: "9841111111"),
            ]),
            UnitSnapshot.page(2): UnitJSON.page(count: 1, rows: [
                UnitJSON.row(sentAt: sentAt, deliveredAt: "2025-11-04T17:00:50.023143+05:45", status: "DELIVRD",
                             phone: "9841111111"),
            ]),
        ])
        let delivery = try #require(snapshot.normalized.deliveries.first)
        #expect(snapshot.normalized.deliveries.count == 1)
        #expect(snapshot.normalized.fetchChecks.duplicateRows == 1)
        #expect(delivery.status == .delivered)
        #expect(delivery.latencyMicroseconds == 5_000_000)
    }
}
