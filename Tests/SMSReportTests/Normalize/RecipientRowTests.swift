@testable import SnapshotFormat
import Testing

/// Contract §3 "A delivery" and "Phone": one delivery per (message, recipient); the
/// phone may be a JSON number or a string; `client_name` may be null.
@Suite struct RecipientRowTests {
    static let sentAt = "2025-11-04T17:00:45.153834+05:45"

    @Test func rowWithSeveralRecipientsGivesOneDeliveryEach() async throws {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 1, rows: [
                UnitJSON.row(sentAt: Self.sentAt, status: "DELIVERED", message: "Namaste", recipients: [
                    UnitJSON.recipient("9842271353", name: "Sita"),
                    UnitJSON.recipient("9862575511"),
                    UnitJSON.recipient(#""+977-980-1912821""#, name: "Ram"),
                ]),
            ]),
        ])
        let deliveries = snapshot.normalized.deliveries
        #expect(deliveries.count == 3)
        #expect(Set(deliveries.map(\.phone)) == ["9842271353", "9862575511", "9801912821"])
        #expect(deliveries.allSatisfy { $0.sentAt == TimestampParser.parse(Self.sentAt) && $0.status == .delivered })
        #expect(deliveries.allSatisfy { snapshot.normalized.messages[$0.messageID].text == "Namaste" })
    }

    @Test func nullClientNameIsNoName() async throws {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 1, rows: [
                UnitJSON.row(sentAt: Self.sentAt, recipients: [
                    UnitJSON.recipient("9842271353"), UnitJSON.recipient("9862575511", name: "Sita Sharma"),
                ]),
            ]),
        ])
        let names = Dictionary(uniqueKeysWithValues: snapshot.normalized.deliveries.map { ($0.phone, $0.recipientName) })
        #expect(names["9842271353"] == .some(nil))
        #expect(names["9862575511"] == "Sita Sharma")
    }

    @Test func phoneAsNumberAndAsStringAreTheSameDelivery() async throws {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 1, rows: [
                UnitJSON.row(sentAt: Self.sentAt, phone: "9842271353"),
            ]),
            UnitSnapshot.batch("B"): UnitJSON.batchReport([
                UnitJSON.row(sentAt: Self.sentAt, phone: #""+977 984-227-1353""#),
            ]),
        ])
        let delivery = try #require(snapshot.normalized.deliveries.first)
        #expect(snapshot.normalized.deliveries.count == 1)
        #expect(delivery.phone == "9842271353")
        #expect(delivery.operatorName == "NTC")
        #expect(delivery.prefix == "984")
        #expect(delivery.batchID == "B")
    }

    @Test func invalidPhoneIsKeptAsReceivedAndFlagged() async throws {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 1, rows: [
                UnitJSON.row(sentAt: Self.sentAt, phone: #""+1 555 0100""#),
            ]),
        ])
        let delivery = try #require(snapshot.normalized.deliveries.first)
        #expect(delivery.phone == "+1 555 0100")
        #expect(!delivery.phoneIsValid)
        #expect(delivery.operatorName == "INVALID")
        #expect(delivery.prefix == "")
    }

    @Test func devanagariPhoneStringIsNormalised() async throws {
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 1, rows: [
                UnitJSON.row(sentAt: Self.sentAt, phone: #""९८०१९१२८२१""#),
            ]),
        ])
        let delivery = try #require(snapshot.normalized.deliveries.first)
        #expect(delivery.phone == "9801912821")
        #expect(delivery.operatorName == "NCELL")
    }
}
