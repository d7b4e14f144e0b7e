@testable import SMSCore
@testable import SMSIngest
import Testing

/// Contract §3 "Status": trimmed, compared case-insensitively, mapped to one canonical status.
@Suite struct StatusMapTests {
    @Test(arguments: [
        ("DELIVERED", DeliveryStatus.delivered), ("DELIVRD", .delivered), ("1", .delivered),
        ("SENT", .sent), ("SUBMITTED", .sent), ("ACCEPTED", .sent), ("ACCEPTD", .sent), ("ENROUTE", .sent),
        ("PENDING", .pending), ("QUEUED", .pending), ("SCHEDULED", .pending), ("BUFFERED", .pending),
        ("UNDELIVERABLE", .undeliverable), ("UNDELIV", .undeliverable), ("4", .undeliverable),
        ("FAILED", .failed), ("ERROR", .failed),
        ("REJECTED", .rejected), ("REJECTD", .rejected),
        ("EXPIRED", .expired),
    ])
    func contractRawValue(raw: String, status: DeliveryStatus) {
        #expect(StatusMap.standard.status(forRaw: raw) == status)
        #expect(StatusMap.standard.status(forRaw: raw.lowercased()) == status)
    }

    @Test(arguments: [
        (" delivered ", DeliveryStatus.delivered), ("Delivrd", .delivered), ("\tSent\n", .sent),
        ("undeliv", .undeliverable), (" 4 ", .undeliverable), ("Expired", .expired),
    ])
    func trimmedAndCaseInsensitive(raw: String, status: DeliveryStatus) {
        #expect(StatusMap.standard.status(forRaw: raw) == status)
    }

    @Test(arguments: ["", "2", "DELIVERED!", "DELIVERY", "OK", "5", "null"])
    func anythingElseIsUnknown(raw: String) {
        #expect(StatusMap.standard.status(forRaw: raw) == .unknown)
    }

    @Test func extensionAddsNewRawValues() {
        let map = StatusMap.standard.extended(with: ["dlvrd": .delivered, "2": .failed])
        #expect(map.status(forRaw: " DLVRD ") == .delivered)
        #expect(map.status(forRaw: "2") == .failed)
        #expect(map.status(forRaw: "SENT") == .sent)
    }

    @Test func extensionOverridesAnExistingRawValue() {
        let map = StatusMap.standard.extended(with: ["Accepted": .delivered])
        #expect(map.status(forRaw: "ACCEPTED") == .delivered)
        #expect(StatusMap.standard.status(forRaw: "ACCEPTED") == .sent)
    }

    @Test func unknownRawValueIsKeptOnTheDelivery() async throws {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 1, rows: [
                UnitJSON.row(sentAt: "2025-11-04T10:00:00+05:45", status: "Bounced", phone: "9841234567"),
            ]),
        ])
        let delivery = try #require(snapshot.normalized.deliveries.first)
        #expect(delivery.status == .unknown)
        #expect(delivery.statusRaw == "Bounced")
    }
}
