@testable import SMSCore
import Testing

/// Contract §3: the final statuses are delivered, undeliverable, failed, rejected and expired.
@Suite struct DeliveryStatusTests {
    @Test(arguments: [DeliveryStatus.delivered, .undeliverable, .failed, .rejected, .expired])
    func finalStatus(status: DeliveryStatus) {
        #expect(status.isFinal)
    }

    @Test(arguments: [DeliveryStatus.sent, .pending, .unknown])
    func statusThatIsNotFinal(status: DeliveryStatus) {
        #expect(!status.isFinal)
    }

    @Test func statusesAreListedInTheGroupColumnOrder() {
        // Contract §4 `<G>`: delivered, sent, pending, undeliverable, failed, rejected, expired, unknown.
        #expect(DeliveryStatus.allCases.map(\.rawValue)
            == ["delivered", "sent", "pending", "undeliverable", "failed", "rejected", "expired", "unknown"])
    }
}
