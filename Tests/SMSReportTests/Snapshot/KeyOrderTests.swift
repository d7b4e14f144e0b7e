@testable import SMSIngest
import SMSCore
import SnapshotFormat
import Testing

/// The reader matches the key it expects next in the API's order first (issue 16), but
/// a row's meaning never depends on its keys' order, escapes, spacing or extra keys.
@Suite struct KeyOrderTests {
    /// One row, in the API's order, then the same row written other ways.
    static let rowsWrittenEachWay = [
        #"{"message":"Namaste","recipients":[{"client_name":"Sita","client_phone":9842271353},{"client_name":null,"client_phone":"9862575511"}],"sent_at":"2025-11-04T17:00:45.153834+05:45","delivered_at":"2025-11-04T17:00:47.000001+05:45","status":"DELIVERED"}"#,
        #"{"status":"DELIVERED","delivered_at":"2025-11-04T17:00:47.000001+05:45","sent_at":"2025-11-04T17:00:45.153834+05:45","recipients":[{"client_phone":9842271353,"client_name":"Sita"},{"client_phone":"9862575511","client_name":null}],"message":"Namaste"}"#,
        #"{"mess\u0061ge":"Namaste","recipients":[{"client\u005fname":"Sita","client_phone":9842271353},{"client_name":null,"client_phone":"9862575511"}],"sent\u005fat":"2025-11-04T17:00:45.153834+05:45","delivered_at":"2025-11-04T17:00:47.000001+05:45","st\u0061tus":"DELIVERED"}"#,
        #"{ "message" : "Namaste" , "recipients" : [ { "client_name" : "Sita" , "client_phone" : 9842271353 } , { "client_name" : null , "client_phone" : "9862575511" } ] , "sent_at" : "2025-11-04T17:00:45.153834+05:45" , "delivered_at" : "2025-11-04T17:00:47.000001+05:45" , "status" : "DELIVERED" }"#,
        #"{"id":7,"message":"Namaste","sms_count":1,"recipients":[{"client_name":"Sita","extra":{"a":[1]},"client_phone":9842271353},{"client_name":null,"client_phone":"9862575511"}],"sent_at":"2025-11-04T17:00:45.153834+05:45","status_code":3,"delivered_at":"2025-11-04T17:00:47.000001+05:45","status":"DELIVERED","statu":"x"}"#,
    ]

    /// What a parsed row gave, field by field.
    static func recipients(ofPageWith row: String) throws -> [String] {
        let bytes = Array(#"{"count":1,"next":null,"previous":null,"results":[\#(row)]}"#.utf8)
        var parser = ReportFileParser(statusMap: .standard)
        let file = try bytes.withUnsafeBytes { buffer throws(ReportError) in
            try parser.parse(buffer, path: "sms-report/page-000001.json", kind: .page)
        }
        return file.recipients.map { record in
            "\(record.sentAt.microseconds) \(record.deliveredAt?.microseconds ?? -1) \(file.status(of: record).status) "
                + "\(file.status(of: record).raw) \(file.phoneText(of: record)) \(file.name(of: record) ?? "-") "
                + "\(file.texts[Int(record.textIndex)].text)"
        }
    }

    @Test(arguments: rowsWrittenEachWay.dropFirst())
    func aRowReadsTheSameWhateverItsKeysOrder(row: String) throws {
        let inAPIOrder = try Self.recipients(ofPageWith: Self.rowsWrittenEachWay[0])
        #expect(inAPIOrder.count == 2)
        #expect(inAPIOrder[0].contains("DELIVERED 9842271353") && inAPIOrder[0].contains("Sita Namaste"))
        #expect(try Self.recipients(ofPageWith: row) == inAPIOrder)
    }

    @Test(arguments: [
        #"[{"sent_at":"2025-11-04T11:15:46Z","delivered_at":null,"status":"1","batch_id":"b-1"}]"#,
        #"[{"batch_id":"b-1","status":"1","delivered_at":null,"sent_at":"2025-11-04T11:15:46Z"}]"#,
        #"[{"batch\u005fid":"b-1","x":0,"sent_at":"2025-11-04T11:15:46Z","status" : "1"}]"#,
    ])
    func aBatchIDRowReadsTheSameWhateverItsKeysOrder(body: String) throws {
        let bytes = Array(body.utf8)
        var parser = ReportFileParser(statusMap: .standard)
        let file = try bytes.withUnsafeBytes { buffer throws(ReportError) in
            try parser.parse(buffer, path: "batch-ids.json", kind: .batchIDs)
        }
        let row = try #require(file.batchIDRows.first)
        #expect(row.batchID == "b-1" && row.statusRaw == "1" && row.status == .delivered && row.deliveredAt == nil)
        #expect(row.sentAt == TimestampParser.parse("2025-11-04T11:15:46Z"))
    }

    @Test func aRepeatedKeyCountsAsItsLastValue() throws {
        let twice = #"{"message":"Namaste","recipients":[{"client_name":"Sita","client_phone":9842271353},{"client_name":null,"client_phone":"9862575511"}],"sent_at":"2025-11-04T17:00:45.153834+05:45","delivered_at":"2025-11-04T17:00:47.000001+05:45","status":"FAILED","status":"DELIVERED"}"#
        #expect(try Self.recipients(ofPageWith: twice) == Self.recipients(ofPageWith: Self.rowsWrittenEachWay[0]))
    }
}
