@testable import SMSCore
@testable import SMSIngest
import Testing

/// Contract: deliveries are ordered by `sent_at`, then phone, then message. The
/// selection sorts from the snapshot's order read backwards, with each instant's
/// recipients put in order first (issue 16); the result never depends on that order.
@Suite struct DeliveryOrderTests {
    /// Messages a second apart, newest first as pages list them, each with recipients
    /// in no particular order; some phones differ only late, one is not a number.
    static func deliveriesNewestFirst() -> [Delivery] {
        let phones = ["9861234567", "9841234567", "9841234568", "98412", "98412345679", "not a phone", "9801000000"]
        var deliveries: [Delivery] = []
        for message in (0..<40).reversed() {
            let sentAt = Instant(microseconds: 1_762_000_000_000_000 + Int64(message) * 1_000_000)
            for (offset, phone) in phones.enumerated() where (message + offset) % 3 != 0 {
                deliveries.append(Delivery(
                    sentAt: sentAt, deliveredAt: nil, phone: phone, phoneIsValid: phone.count == 10,
                    operatorName: "NTC", status: .sent, statusRaw: "SENT", messageID: Int32(message % 4),
                    recipientName: nil, batchID: message % 5 == 0 ? "b" : "", hasStatusConflict: false))
            }
            // Two messages of one instant to the same phone: told apart by the message.
            deliveries.append(Delivery(
                sentAt: sentAt, deliveredAt: nil, phone: "9841234567", phoneIsValid: true, operatorName: "NTC",
                status: .sent, statusRaw: "SENT", messageID: 9, recipientName: nil, batchID: "", hasStatusConflict: false))
        }
        return deliveries
    }

    /// The contract's order, by a plain comparison of whole deliveries.
    static func expectedOrder(_ deliveries: [Delivery], selecting isSelected: (Delivery) -> Bool = { _ in true }) -> [Int32] {
        deliveries.indices.filter { isSelected(deliveries[$0]) }.sorted { left, right in
            let a = deliveries[left], b = deliveries[right]
            if a.sentAt != b.sentAt { return a.sentAt < b.sentAt }
            if !a.phone.utf8.elementsEqual(b.phone.utf8) { return a.phone.utf8.lexicographicallyPrecedes(b.phone.utf8) }
            return a.messageID < b.messageID
        }.map { Int32($0) }
    }

    static func order(_ deliveries: [Delivery], batchIDs: Set<String> = []) -> [Int32] {
        var clock = LocalClock(timeZone: .kathmandu)
        let options = ReportOptions(batchIDs: batchIDs, generatedAt: Instant(microseconds: 0))
        return DeliverySelection(deliveries, options: options, clock: &clock).order
    }

    @Test func newestFirstWithRecipientsInAnyOrderComesOutInTheContractsOrder() {
        let deliveries = Self.deliveriesNewestFirst()
        #expect(Self.order(deliveries) == Self.expectedOrder(deliveries))
    }

    @Test func theOrderDoesNotDependOnTheSnapshotsOrder() {
        let newestFirst = Self.deliveriesNewestFirst()
        var generator = SystemRandomNumberGenerator()
        for arrangement in [Array(newestFirst.reversed()), newestFirst.shuffled(using: &generator), newestFirst.shuffled(using: &generator)] {
            let order = Self.order(arrangement)
            #expect(order == Self.expectedOrder(arrangement))
            #expect(order.map { arrangement[Int($0)].phone } == Self.order(newestFirst).map { newestFirst[Int($0)].phone })
        }
    }

    @Test func aBatchFilterKeepsTheOrderOfWhatItSelects() {
        let deliveries = Self.deliveriesNewestFirst()
        #expect(Self.order(deliveries, batchIDs: ["b"]) == Self.expectedOrder(deliveries) { $0.batchID == "b" })
    }
}
