@testable import SMSAggregate
@testable import SMSCore
@testable import SMSIngest
import Testing

/// Reconciliation of the gateway's `enqueue` counters with the deliveries (contract §10).
@Suite struct ReconciliationTests {
    static let day = LocalDay(year: 2025, month: 11, day: 4)

    @Test func aMismatchMustPassBothHalfAPercentAndTenDeliveries() {
        let row = { (enqueued: Int, deliveries: Int) in
            ReconciliationRow(day: Self.day, operatorName: "NTC", enqueued: enqueued, deliveries: deliveries)
        }
        #expect(!row(1000, 994).isMismatch, "6 is under 10")
        #expect(row(1000, 985).isMismatch, "15 passes 10 and 5")
        #expect(row(1000, 1015).isMismatch, "more deliveries than enqueued is a mismatch too")
        #expect(!row(10_000, 9_960).isMismatch, "40 is under 0.5% of 10,000")
        #expect(row(10_000, 9_949).isMismatch, "51 passes 50")
        #expect(!row(10_000, 9_950).isMismatch, "exactly 0.5% does not pass it")
        #expect(row(1000, 985).difference == -15)
    }

    @Test func rowsCountTheDeliveriesOfEachCounterDayAndOperatorInKathmandu() throws {
        // 4 Nov starts at 18:15 UTC on 3 Nov in Kathmandu; a microsecond before is still the 3rd there.
        let startOfFourth = ReportTimeZone.kathmandu.startOfDay(Self.day)
        let lateOnThird = Instant(microseconds: startOfFourth.microseconds - 1)
        let deliveries = [
            Self.delivery(sentAt: lateOnThird, operatorName: "NTC"),
            Self.delivery(sentAt: startOfFourth, operatorName: "NTC"),
            Self.delivery(sentAt: startOfFourth, operatorName: "NCELL"),
        ]
        let metrics = [
            MetricReading(key: "sms:metrics:enqueue:op:NTC:d:20251104", value: .number("1")),
            MetricReading(key: "sms:metrics:enqueue:op:NCELL:d:20251104", value: .number("40")),
            MetricReading(key: "sms:metrics:enqueue:op:UTL:d:20251104", value: .text("many")),
            MetricReading(key: "sms:metrics:enqueue:op:NTC:d:20251103", value: .number("1")),
            MetricReading(key: "sms:metrics:enqueue:op:NTC", value: .number("2")),
            MetricReading(key: "sms:metrics:delivered:op:NTC:d:20251104", value: .number("1")),
        ]
        let rows = Reconciliation.rows(metrics: metrics, deliveries: deliveries, days: Self.day...Self.day)
        #expect(rows == [
            ReconciliationRow(day: Self.day, operatorName: "NCELL", enqueued: 40, deliveries: 1),
            ReconciliationRow(day: Self.day, operatorName: "NTC", enqueued: 1, deliveries: 1),
            ReconciliationRow(day: Self.day, operatorName: "UTL", enqueued: nil, deliveries: 0),
        ])
        let check = Reconciliation.mismatches(rows)
        #expect(check.count == 1)
        #expect(check.example == "2025-11-04 NCELL: enqueued 40, deliveries 1, difference -39")
        #expect(Reconciliation.rows(metrics: metrics, deliveries: deliveries, days: nil).isEmpty)
    }

    static func delivery(sentAt: Instant, operatorName: String) -> Delivery {
        Delivery(sentAt: sentAt, deliveredAt: nil, phone: "9841000000", phoneIsValid: true,
                 operatorName: operatorName, status: .sent, statusRaw: "SENT", messageID: 0, recipientName: nil,
                 batchID: "", hasStatusConflict: false)
    }
}
