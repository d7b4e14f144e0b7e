@testable import SMSAggregate
@testable import SMSCore
import Testing

/// Contract §4 "Metric keys": `sms:metrics:<metric>[:op:<OPERATOR>][:d:<YYYYMMDD>]`.
@Suite struct MetricKeyTests {
    @Test func metricWithOperatorAndDay() {
        #expect(MetricKey(parsing: "sms:metrics:enqueue:op:NCELL:d:20251105")
            == MetricKey(metric: "enqueue", operatorName: "NCELL", day: LocalDay(iso: "2025-11-05")))
    }

    @Test func metricAlone() {
        #expect(MetricKey(parsing: "sms:metrics:enqueue") == MetricKey(metric: "enqueue", operatorName: "", day: nil))
    }

    @Test func metricWithDayOnly() {
        #expect(MetricKey(parsing: "sms:metrics:delivered:d:20251104")
            == MetricKey(metric: "delivered", operatorName: "", day: LocalDay(iso: "2025-11-04")))
    }

    @Test func metricWithOperatorOnly() {
        #expect(MetricKey(parsing: "sms:metrics:sent:op:NTC") == MetricKey(metric: "sent", operatorName: "NTC", day: nil))
    }

    @Test func metricsTableHasOneRowPerKeySortedByKey() async throws {
        let tables = try await UnitReport.tables([
            UnitSnapshot.metrics: #"""
                {"sms:metrics:sent:op:NTC:d:20251104": 120,
                 "sms:metrics:enqueue:op:NCELL:d:20251105": 42,
                 "sms:metrics:enqueue": 1.5}
                """#,
        ])
        let metrics = tables.metrics
        #expect(metrics.columns.map(\.name) == ["key", "metric", "operator", "day", "value"])
        #expect(metrics.rowCount == 3)
        #expect(metrics.row(0) == [.text("sms:metrics:enqueue"), .text("enqueue"), .text(""), .empty, .number("1.5")])
        #expect(metrics.row(1) == [.text("sms:metrics:enqueue:op:NCELL:d:20251105"), .text("enqueue"), .text("NCELL"),
                                   .day(UnitReport.day("2025-11-05")), .number("42")])
        #expect(metrics.row(2) == [.text("sms:metrics:sent:op:NTC:d:20251104"), .text("sent"), .text("NTC"),
                                   .day(UnitReport.day("2025-11-04")), .number("120")])
    }

    @Test func noMetricsFileIsAnEmptyMetricsTable() async throws {
        let tables = try await UnitReport.tables([
            UnitSnapshot.page(1): UnitJSON.page(count: 1, rows: [
                UnitJSON.row(sentAt: "2025-11-04T10:00:00+05:45", phone: "9841234567"),
            ]),
        ])
        #expect(tables.metrics.rowCount == 0)
    }
}
