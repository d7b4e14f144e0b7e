import Testing

/// Contract §4 `data_quality`: every check listed, count 0 when clean, ordered by check.
@Suite struct DataQualityTests {
    static let sortedChecks = [
        "count_mismatch", "duplicate_rows", "failed_requests", "invalid_phone", "metrics_mismatch",
        "missing_batch_report", "negative_latency", "status_conflict", "truncated_text", "unknown_status",
    ]

    @Test func cleanSnapshotListsAllTenChecksAtZero() async throws {
        let tables = try await UnitReport.tables([
            UnitSnapshot.page(1): UnitJSON.page(count: 1, rows: [
                UnitJSON.row(sentAt: "2025-11-04T10:00:00+05:45", deliveredAt: "2025-11-04T10:00:03+05:45",
                             status: "DELIVERED", phone: "9841234567"),
            ]),
        ])
        let quality = tables.dataQuality
        #expect(quality.columns.map(\.name) == ["check", "count", "example"])
        #expect(UnitReport.texts(quality, "check") == Self.sortedChecks)
        #expect(UnitReport.integers(quality, "count") == Array(repeating: 0, count: 10))
    }

    @Test func oddRowsAreKeptAndCounted() async throws {
        let tables = try await UnitReport.tables([
            UnitSnapshot.page(1): UnitJSON.page(count: 3, rows: [
                UnitJSON.row(sentAt: "2025-11-04T10:00:00+05:45", status: "Bounced", phone: "9841234567"),
                UnitJSON.row(sentAt: "2025-11-04T10:00:01+05:45", status: "SENT", phone: #""+1 555 0100""#),
                UnitJSON.row(sentAt: "2025-11-04T10:00:02+05:45", status: "??", phone: "12345"),
            ]),
        ])
        #expect(tables.deliveries.rowCount == 3)
        #expect(UnitReport.qualityCount(tables, "unknown_status") == 2)
        #expect(UnitReport.qualityCount(tables, "invalid_phone") == 2)
        #expect(UnitReport.qualityCount(tables, "negative_latency") == 0)
    }

    @Test func fetchChecksReachTheTable() async throws {
        let row = UnitJSON.row(sentAt: "2025-11-04T10:00:00+05:45", phone: "9841234567")
        let tables = try await UnitReport.tables([
            UnitSnapshot.page(1): UnitJSON.page(count: 4, hasNext: true, rows: [row]),
            UnitSnapshot.page(2): UnitJSON.page(count: 4, rows: [row]),
            UnitSnapshot.batchIDs: "[" + UnitJSON.batchIDRow(
                sentAt: "2025-11-04T10:00:00+05:45", status: "SENT", batchID: "B-missing") + "]",
        ])
        #expect(UnitReport.qualityCount(tables, "duplicate_rows") == 1)
        #expect(UnitReport.qualityCount(tables, "count_mismatch") == 3)       // 4 against 1 distinct row
        #expect(UnitReport.qualityCount(tables, "missing_batch_report") == 1)
    }

    @Test func failedRequestsComeFromTheManifest() async throws {
        let tables = try await UnitReport.tables([
            UnitSnapshot.manifest: #"""
                {"complete": false, "reasons": ["1 request failed"], "batches": {},
                 "requests": [{"path": "/api/sms-report/?page=1", "status": 200, "attempts": 1},
                              {"path": "/api/sms-report/?page=2", "status": 500, "attempts": 5, "error": "HTTP 500"}]}
                """#,
            UnitSnapshot.page(1): UnitJSON.page(count: 1, rows: [
                UnitJSON.row(sentAt: "2025-11-04T10:00:00+05:45", phone: "9841234567"),
            ]),
        ])
        #expect(UnitReport.qualityCount(tables, "failed_requests") == 1)
    }

    @Test func textOverTheCellLimitIsCountedPerDelivery() async throws {
        let long = String(repeating: "a", count: 32_768)
        let longest = String(repeating: "b", count: 32_767)
        let tables = try await UnitReport.tables([
            UnitSnapshot.page(1): UnitJSON.page(count: 2, rows: [
                UnitJSON.row(sentAt: "2025-11-04T10:00:00+05:45", message: long, recipients: [
                    UnitJSON.recipient("9841000001"), UnitJSON.recipient("9841000002"),
                ]),
                UnitJSON.row(sentAt: "2025-11-04T10:00:01+05:45", message: longest, phone: "9841000003"),
            ]),
        ])
        #expect(UnitReport.qualityCount(tables, "truncated_text") == 2)
    }
}
