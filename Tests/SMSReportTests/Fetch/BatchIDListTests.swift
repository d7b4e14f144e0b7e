@testable import SMSCore
@testable import SMSFetch
@testable import SMSIngest
@testable import SnapshotFormat
import Testing

/// Fetch reads `batch-ids.json` with its own small reader, and stores a body only when
/// `report` can read it (item 11 of the robustness issue): the two must agree.
@Suite struct BatchIDListTests {
    @Test func readsSentAtAndBatchIDOfEachRow() throws {
        let body = """
            [{"sent_at": "2025-11-04T17:00:45.185164+05:45", "delivered_at": null, "status": "1", "batch_id": "881127472383-4566"},
             {"sent_at": "2025-11-04T11:15:46Z", "delivered_at": "", "status": 4, "batch_id": 7},
             {"sent_at": "2025-11-04T11:15:47Z", "status": null, "batch_id": null}]
            """
        let list = try #require(BatchIDList(body: Array(body.utf8)))
        #expect(list.rows.map(\.batchID) == ["881127472383-4566", "7", ""])
        #expect(list.rows.first?.sentAt == TimestampParser.parse("2025-11-04T11:15:45.185164Z"))
    }

    /// Bodies `report` reads and bodies it refuses: BatchIDList accepts exactly the first.
    @Test(arguments: [
        #"[]"#,
        #"{"error": "No batch ID found."}"#,
        #"[{"sent_at": "2025-11-04T11:15:46Z", "delivered_at": "2025-11-04T11:15:50Z", "status": true, "batch_id": "a", "extra": {"x": [1]}}]"#,
        #"{"detail": "Not found."}"#,
        #"[{"delivered_at": null, "status": "1", "batch_id": "a"}]"#,
        #"[{"sent_at": "yesterday", "batch_id": "a"}]"#,
        #"[{"sent_at": "0000-01-01T00:00:00+14:00", "batch_id": "a"}]"#,
        #"[{"sent_at": "2025-11-04T11:15:46Z", "delivered_at": 5, "batch_id": "a"}]"#,
        #"[{"sent_at": "2025-11-04T11:15:46Z", "status": ["1"], "batch_id": "a"}]"#,
        #"[{"sent_at": "2025-11-04T11:15:46Z", "batch_id": {"id": 1}}]"#,
        #"[{"sent_at": "2025-11-04T11:15:46Z"}] trailing"#,
        #"[1, 2]"#,
    ])
    func acceptsExactlyWhatTheReportReads(body: String) {
        let bytes = Array(body.utf8)
        var parser = ReportFileParser(statusMap: .standard)
        let reportReads = (try? bytes.withUnsafeBytes { buffer throws(ReportError) in
            try parser.parse(buffer, path: "batch-ids.json", kind: .batchIDs)
        }) != nil
        #expect((BatchIDList(body: bytes) != nil) == reportReads, "\(body)")
    }
}
