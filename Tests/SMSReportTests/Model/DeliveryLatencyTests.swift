@testable import SMSCore
@testable import SnapshotFormat
import Testing

/// Contract §3 "Latency": `delivered_at − sent_at`, for every delivery with both.
@Suite struct DeliveryLatencyTests {
    static func delivery(sent: String, delivered: String?) -> Delivery {
        Delivery(sentAt: TimestampParser.parse(sent)!, deliveredAt: delivered.flatMap(TimestampParser.parse),
                 phone: "9841234567", phoneIsValid: true, operatorName: "NTC",
                 status: .delivered, statusRaw: "DELIVERED", messageID: 0, recipientName: nil,
                 batchID: "", hasStatusConflict: false)
    }

    @Test func latencyAcrossOffsetsIsExact() {
        // 17:00:45.153834+05:45 is 11:15:45.153834Z; 11:15:47.000000Z is 1.846166 s later.
        let delivery = Self.delivery(sent: "2025-11-04T17:00:45.153834+05:45", delivered: "2025-11-04T11:15:47Z")
        #expect(delivery.latencyMicroseconds == 1_846_166)
    }

    @Test func noDeliveredAtMeansNoLatency() {
        #expect(Self.delivery(sent: "2025-11-04T17:00:45Z", delivered: nil).latencyMicroseconds == nil)
    }

    @Test func deliveredBeforeSentIsANegativeLatency() {
        let delivery = Self.delivery(sent: "2025-11-04T17:00:45Z", delivered: "2025-11-04T17:00:42.750000Z")
        #expect(delivery.latencyMicroseconds == -2_250_000)
    }
}
