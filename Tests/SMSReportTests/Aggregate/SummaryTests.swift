@testable import SnapshotFormat
import Testing

/// Contract §3 "The summary" and §4 `summary`.
@Suite struct SummaryTests {
    static let t1 = "2025-11-04T10:00:00.000001+05:45"
    static let t2 = "2025-11-04T10:00:00.000002+05:45"

    static let files = [
        UnitSnapshot.page(1): UnitJSON.page(count: 4, rows: [
            UnitJSON.row(sentAt: t1, message: "Hi", recipients: [
                UnitJSON.recipient("9841000001"), UnitJSON.recipient("9841000002"), UnitJSON.recipient("9841000003"),
            ]),
            UnitJSON.row(sentAt: t1, message: "Other", phone: "9841000001"),  // same time, other text
            UnitJSON.row(sentAt: t2, message: "Hi", phone: "9841000001"),     // same text, other time
            UnitJSON.row(sentAt: t1, message: "Hi", phone: "9841000004"),     // the first message again
        ]),
        UnitSnapshot.batch("B1"): UnitJSON.batchReport([
            UnitJSON.row(sentAt: "2025-11-04T11:00:00+05:45", message: "Batch", phone: "9801000001"),
        ]),
        UnitSnapshot.batch("B2"): UnitJSON.batchReport([
            UnitJSON.row(sentAt: "2025-11-04T12:00:00+05:45", message: "Batch", phone: "9801000001"),
        ]),
    ]

    @Test func messagesCountDistinctSentAtAndTextPairs() async throws {
        let tables = try await UnitReport.tables(Self.files)
        #expect(UnitReport.summary(tables, "deliveries") == .integer(8))
        #expect(UnitReport.summary(tables, "messages") == .integer(5))
    }

    @Test func batchesCountDistinctNonEmptyBatchIDs() async throws {
        let tables = try await UnitReport.tables(Self.files)
        #expect(UnitReport.summary(tables, "batches") == .integer(2))
    }

    @Test func rowsAreInTheContractOrder() async throws {
        let tables = try await UnitReport.tables(Self.files)
        #expect(tables.summary.columns.map(\.name) == ["metric", "value"])
        #expect(UnitReport.texts(tables.summary, "metric") == [
            "period_from", "period_to", "timezone", "generated_at", "data_as_of", "complete", "messages", "batches",
            "deliveries", "delivered", "sent", "pending", "undeliverable", "failed", "rejected", "expired", "unknown",
            "delivery_rate", "latency_count", "latency_mean_s", "latency_p50_s", "latency_p90_s", "latency_p95_s",
            "latency_p99_s", "latency_max_s",
        ])
    }

    @Test func timezoneAndGenerationTimeComeFromTheOptions() async throws {
        let tables = try await UnitReport.tables(Self.files)
        #expect(UnitReport.summary(tables, "timezone") == .text("Asia/Kathmandu"))
        #expect(UnitReport.summary(tables, "generated_at") == .timestamp(UnitReport.generatedAt))
    }

    @Test func snapshotWithoutManifestIsCompleteWithNoAsOfTime() async throws {
        let tables = try await UnitReport.tables(Self.files)
        #expect(UnitReport.summary(tables, "complete") == .boolean(true))
        #expect(UnitReport.summary(tables, "data_as_of") == .empty)
        #expect(tables.isComplete)
    }

    @Test func manifestGivesCompletenessAndAsOfTime() async throws {
        var files = Self.files
        files[UnitSnapshot.manifest] = #"""
            {"complete": false, "reasons": ["page 3 failed after 5 attempts"], "batches": {},
             "fetch_finished": "2025-11-05T01:02:13.512000+05:45"}
            """#
        let tables = try await UnitReport.tables(files)
        #expect(UnitReport.summary(tables, "complete") == .boolean(false))
        #expect(UnitReport.summary(tables, "data_as_of")
            == .timestamp(try #require(TimestampParser.parse("2025-11-05T01:02:13.512000+05:45"))))
        #expect(!tables.isComplete)
        #expect(tables.incompleteReasons == ["page 3 failed after 5 attempts"])
    }
}
