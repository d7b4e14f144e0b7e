import Foundation
@testable import SMSIngest
import SMSCore
import SnapshotFormat
import Testing

/// A timestamp in the API's 32-byte form is read in one pass, without first looking for
/// the end of its string (issue 16). Whatever the bytes, a row must read as if the
/// string were scanned first: the same instants, the same errors.
@Suite struct FixedFormTimestampTests {
    // MARK: The scanner's fixed-length read

    /// Runs `consumeString(ofLength:)` on `json` with a reader that accepts the bytes
    /// when they are `accepted`, and returns what it read with the position after it.
    static func consume(_ json: String, length: Int, accepting accepted: String) -> (value: String?, position: Int) {
        Array(json.utf8).withUnsafeBytes { buffer in
            var scanner = JSONScanner(bytes: buffer)
            let value = scanner.consumeString(ofLength: length) { bytes -> String? in
                let text = String(decoding: bytes, as: UTF8.self)
                return text == accepted ? text : nil
            }
            return (value, scanner.position)
        }
    }

    @Test func aStringOfTheLengthThatTheReaderTakesIsPassedOver() {
        let result = Self.consume(#""abc","next""#, length: 3, accepting: "abc")
        #expect(result.value == "abc")
        #expect(result.position == 5)
    }

    @Test(arguments: [
        (#""abcd""#, 3),   // longer: no quote after the three bytes
        (#""ab""#, 3),     // shorter: the quote comes early
        (#""abc"#, 3),     // unterminated
        ("abc", 3),        // not a string
        (#""abd""#, 3),    // the reader refuses it
    ])
    func anythingElseIsLeftWhereItWas(json: String, length: Int) {
        let result = Self.consume(json, length: length, accepting: "abc")
        #expect(result.value == nil)
        #expect(result.position == 0)
    }

    // MARK: Rows read through it

    /// The `sent_at` of a one-row page whose `sent_at` is written as `literal`, or the
    /// error the page gives.
    static func sentAt(_ literal: String) -> Result<Instant, ReportError> {
        let row = #"{"message":"Hi","recipients":[{"client_name":null,"client_phone":"9842271353"}],"sent_at":\#(literal),"delivered_at":null,"status":"DELIVERED"}"#
        let bytes = Array(#"{"count":1,"next":null,"previous":null,"results":[\#(row)]}"#.utf8)
        var parser = ReportFileParser(statusMap: .standard)
        return bytes.withUnsafeBytes { buffer in
            Result { () throws(ReportError) in
                try parser.parse(buffer, path: "sms-report/page-000001.json", kind: .page).recipients[0].sentAt
            }
        }
    }

    @Test func theAPIFormReadsAsTheParserReadsIt() throws {
        let text = "2025-11-04T17:00:45.153834+05:45"
        #expect(try Self.sentAt("\"\(text)\"").get() == TimestampParser.parse(text))
    }

    /// The same instant written with escapes is longer than 32 bytes: it takes the path
    /// that decodes the string first, and reads the same.
    @Test func theAPIFormWithEscapesReadsTheSame() throws {
        #expect(try Self.sentAt(#""2025\u002d11-04T17:00:45.153834+05:45""#).get()
            == TimestampParser.parse("2025-11-04T17:00:45.153834+05:45"))
    }

    /// 32 bytes that are no timestamp, or one out of range, give the error they gave
    /// before the one-pass read: the field, the reason and the text.
    @Test(arguments: [
        ("2025-11-04T17:00:45.153834+05:60", "not an ISO 8601 timestamp"),
        ("0001-01-01T00:00:00.000000+00:01", "timestamp out of range (years 0001 to 9999 in UTC)"),
        ("2025-11-04T17:00:45.153834+05:45x", "not an ISO 8601 timestamp"),
        ("2025-11-04T17:00:45.1538345+05:4", "not an ISO 8601 timestamp"),
        ("2025-11-04T17:00:45.153834+05:6\\u0030", "not an ISO 8601 timestamp"),
    ])
    func aFieldOfThatLengthThatIsNoTimestampKeepsItsError(written: String, reason: String) {
        // The error quotes the decoded text.
        let text = written.replacingOccurrences(of: "\\u0030", with: "0")
        #expect(throws: ReportError.invalidField(file: "sms-report/page-000001.json", path: "results[0].sent_at",
                                                 reason: "\(reason): \(text)")) {
            try Self.sentAt("\"\(written)\"").get()
        }
    }
}
