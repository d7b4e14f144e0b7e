@testable import SMSAggregate
@testable import SMSCore
import Testing

/// One group's counts (the `<G>` columns of contract §4), kept inline per status.
@Suite struct GroupAccumulatorTests {
    /// Every status has its own count, in the order of the group columns, so a status
    /// added to the model without room in the accumulator fails here.
    @Test func everyStatusIsCountedApart() {
        var group = GroupAccumulator()
        for (times, status) in DeliveryStatus.allCases.enumerated() {
            for _ in 0...times {
                group.add(status: status, sentAt: Instant(microseconds: Int64(times)))
            }
        }
        let statistics = group.finish()
        #expect(statistics.statusCounts == DeliveryStatus.allCases.indices.map { $0 + 1 })
        #expect(statistics.deliveries == (1...DeliveryStatus.allCases.count).reduce(0, +))
        #expect(statistics.firstSentAt == Instant(microseconds: 0))
        #expect(statistics.lastSentAt == Instant(microseconds: Int64(DeliveryStatus.allCases.count - 1)))
    }
}
