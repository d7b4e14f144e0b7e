@testable import SMSCore
@testable import SMSIngest
import Testing

/// Contract §3: a final status beats one that is not final; two different final
/// statuses keep the report row's and count a conflict.
@Suite struct StatusPrecedenceTests {
    @Test(arguments: [
        (DeliveryStatus.sent, DeliveryStatus.delivered), (.pending, .undeliverable), (.unknown, .failed),
        (.sent, .expired), (.pending, .rejected),
    ])
    func finalStatusBeatsOneThatIsNotFinal(current: DeliveryStatus, incoming: DeliveryStatus) {
        #expect(StatusPrecedence.compare(current: current, incoming: incoming) == .takeIncoming)
    }

    @Test(arguments: [
        (DeliveryStatus.delivered, DeliveryStatus.sent), (.undeliverable, .pending), (.failed, .unknown),
    ])
    func statusThatIsNotFinalNeverReplacesAFinalOne(current: DeliveryStatus, incoming: DeliveryStatus) {
        #expect(StatusPrecedence.compare(current: current, incoming: incoming) == .keepCurrent)
    }

    @Test(arguments: [
        (DeliveryStatus.delivered, DeliveryStatus.undeliverable), (.failed, .delivered), (.rejected, .expired),
    ])
    func twoDifferentFinalStatusesConflict(current: DeliveryStatus, incoming: DeliveryStatus) {
        #expect(StatusPrecedence.compare(current: current, incoming: incoming) == .conflict)
    }

    @Test func sameFinalStatusIsNoConflict() {
        #expect(StatusPrecedence.compare(current: .delivered, incoming: .delivered) == .keepCurrent)
    }
}
