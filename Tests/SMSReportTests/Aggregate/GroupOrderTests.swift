@testable import SnapshotFormat
import Testing

/// Contract §4 row orders: by_batch by first_sent_at then batch_id with `(no batch)`
/// last; by_operator by deliveries descending then operator; groups with no
/// deliveries are not listed.
@Suite struct GroupOrderTests {
    @Test func byBatchIsOrderedByFirstSentAtThenIDWithNoBatchLast() async throws {
        let tables = try await UnitReport.tables([
            UnitSnapshot.page(1): UnitJSON.page(count: 1, rows: [
                UnitJSON.row(sentAt: "2025-11-04T09:00:00+05:45", phone: "9841000000"),
            ]),
            UnitSnapshot.batch("Z-early"): UnitJSON.batchReport([
                UnitJSON.row(sentAt: "2025-11-04T12:00:00+05:45", phone: "9841000001"),
                UnitJSON.row(sentAt: "2025-11-04T10:00:00+05:45", phone: "9841000002"),
            ]),
            UnitSnapshot.batch("M-same"): UnitJSON.batchReport([
                UnitJSON.row(sentAt: "2025-11-04T11:00:00+05:45", phone: "9841000003"),
            ]),
            UnitSnapshot.batch("A-late"): UnitJSON.batchReport([
                UnitJSON.row(sentAt: "2025-11-04T11:00:00+05:45", phone: "9841000004"),
            ]),
        ])
        let byBatch = tables.byBatch
        #expect(UnitReport.texts(byBatch, "batch_id") == ["Z-early", "A-late", "M-same", "(no batch)"])
        let early = try #require(UnitReport.row(byBatch, "Z-early"))
        #expect(early["first_sent_at"] == .timestamp(try #require(TimestampParser.parse("2025-11-04T10:00:00+05:45"))))
        #expect(early["last_sent_at"] == .timestamp(try #require(TimestampParser.parse("2025-11-04T12:00:00+05:45"))))
        #expect(early["deliveries"] == .integer(2))
        #expect(UnitReport.summary(tables, "batches") == .integer(3))
    }

    @Test func byOperatorIsOrderedByDeliveriesThenName() async throws {
        let phones = ["9611000001", "9621000002", "9881000003",  // SMART ×3
                      "9801000004", "9811000005",                // NCELL ×2
                      "9841000006", "9851000007",                // NTC ×2
                      "9631000008",                              // OTHER ×1
                      "12345"]                                   // INVALID ×1
        let rows = phones.enumerated().map { index, phone in
            UnitJSON.row(sentAt: "2025-11-04T10:00:0\(index)+05:45", phone: phone)
        }
        let tables = try await UnitReport.tables([UnitSnapshot.page(1): UnitJSON.page(count: rows.count, rows: rows)])
        #expect(UnitReport.texts(tables.byOperator, "operator") == ["SMART", "NCELL", "NTC", "INVALID", "OTHER"])
        #expect(UnitReport.integers(tables.byOperator, "deliveries") == [3, 2, 2, 1, 1])
    }

    @Test func byStatusListsOnlyStatusesPresentWithTheirRawValues() async throws {
        let statuses = ["DELIVERED", "Delivrd", "1", "SENT", "Bounced"]
        let rows = statuses.enumerated().map { index, status in
            UnitJSON.row(sentAt: "2025-11-04T10:00:0\(index)+05:45", status: status, phone: "9841000001")
        }
        let tables = try await UnitReport.tables([UnitSnapshot.page(1): UnitJSON.page(count: rows.count, rows: rows)])
        let byStatus = tables.byStatus
        #expect(UnitReport.texts(byStatus, "status") == ["delivered", "sent", "unknown"])
        #expect(UnitReport.texts(byStatus, "raw_values") == ["1;DELIVERED;Delivrd", "SENT", "Bounced"])
        #expect(UnitReport.integers(byStatus, "deliveries") == [3, 1, 1])
        #expect(UnitReport.isRate(UnitReport.row(byStatus, "delivered")?["share"], 3, 5))
        // The summary lists every status column, 0 included, and the rate counts every status.
        #expect(UnitReport.summary(tables, "pending") == .integer(0))
        #expect(UnitReport.summary(tables, "unknown") == .integer(1))
        #expect(UnitReport.isRate(UnitReport.summary(tables, "delivery_rate"), 3, 5))
    }

    @Test func byDayListsOnlyDaysWithDeliveries() async throws {
        let tables = try await UnitReport.tables([
            UnitSnapshot.page(1): UnitJSON.page(count: 2, rows: [
                UnitJSON.row(sentAt: "2025-11-03T10:00:00+05:45", phone: "9841000001"),
                UnitJSON.row(sentAt: "2025-11-05T10:00:00+05:45", phone: "9841000001"),
            ]),
        ])
        #expect(UnitReport.column(tables.byDay, "day") == [.day(UnitReport.day("2025-11-03")), .day(UnitReport.day("2025-11-05"))])
        #expect(UnitReport.texts(tables.byOperator, "operator") == ["NTC"])
    }

    @Test func deliveriesAreOrderedBySentAtThenPhone() async throws {
        let tables = try await UnitReport.tables([
            UnitSnapshot.page(1): UnitJSON.page(count: 4, rows: [
                UnitJSON.row(sentAt: "2025-11-04T10:00:01+05:45", phone: "9801000001"),
                UnitJSON.row(sentAt: "2025-11-04T10:00:00+05:45", phone: "9861000001"),
                UnitJSON.row(sentAt: "2025-11-04T04:14:00Z", phone: "9841000001"),  // 09:59 local
                UnitJSON.row(sentAt: "2025-11-04T10:00:00+05:45", phone: "9811000001"),
            ]),
        ])
        #expect(UnitReport.texts(tables.deliveries, "phone") == ["9841000001", "9811000001", "9861000001", "9801000001"])
    }
}
