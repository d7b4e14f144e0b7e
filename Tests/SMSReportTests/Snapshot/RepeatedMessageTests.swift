@testable import SMSIngest
import SMSCore
import SnapshotFormat
import Testing

/// A row whose `message` repeats the last row's raw bytes is passed over with one
/// compare (issue 16). Whatever the bytes, a row must read as if every text were
/// scanned and decoded anew: the same texts, the same errors at the same places.
@Suite struct RepeatedMessageTests {
    // MARK: The scanner's compare

    /// Runs `consumeString(rawText:)` on `json` (at its first byte) and returns the
    /// result with the position after it.
    static func consume(_ json: String, rawText: String) -> (consumed: Bool, position: Int) {
        let bytes = Array(json.utf8)
        let raw = Array(rawText.utf8)
        return bytes.withUnsafeBytes { buffer in
            raw.withUnsafeBytes { rawBuffer in
                var scanner = JSONScanner(bytes: buffer)
                let consumed = scanner.consumeString(rawText: rawBuffer)
                return (consumed, scanner.position)
            }
        }
    }

    @Test(arguments: [
        (#""a\"b","next""#, #"a\"b"#, 6),
        (#""""#, "", 2),
        (#""नमस्ते \u0041""#, #"नमस्ते \u0041"#, 27),
    ])
    func theSameRawTextIsPassedOverToItsClosingQuote(json: String, raw: String, end: Int) {
        let result = Self.consume(json, rawText: raw)
        #expect(result.consumed)
        #expect(result.position == end)
    }

    @Test(arguments: [
        (#""a\"bc""#, #"a\"b"#),   // longer: the raw text is only its start
        (#""a\""#, #"a\"b"#),      // shorter, and the input ends
        (#""a\"c""#, #"a\"b"#),    // as long, one byte apart
        (#""x""#, ""),
        ("null", "null"),
        (#""a\"b"#, #"a\"b"#),      // unterminated: nothing follows the raw text
    ])
    func anythingElseIsLeftWhereItWas(json: String, raw: String) {
        let result = Self.consume(json, rawText: raw)
        #expect(!result.consumed)
        #expect(result.position == 0)
    }

    // MARK: Rows read through it

    /// The message text of each recipient of a page whose rows carry `messages` as
    /// written (raw JSON string literals, quotes included), with the file's distinct texts.
    static func texts(ofRowsWith messages: [String]) throws -> (perRow: [String], distinct: Int) {
        let rows = messages.enumerated().map { index, message in
            #"{"message":\#(message),"recipients":[{"client_name":null,"client_phone":"98\#(String(format: "%08d", index))"}],"sent_at":"2025-11-04T17:00:45.153834+05:45","delivered_at":null,"status":"DELIVERED"}"#
        }
        let bytes = Array(#"{"count":\#(rows.count),"next":null,"previous":null,"results":[\#(rows.joined(separator: ","))]}"#.utf8)
        var parser = ReportFileParser(statusMap: .standard)
        let file = try bytes.withUnsafeBytes { buffer throws(ReportError) in
            try parser.parse(buffer, path: "sms-report/page-000001.json", kind: .page)
        }
        return (file.recipients.map { file.texts[Int($0.textIndex)].text }, file.texts.count)
    }

    /// A parser reads file after file; the last message it remembers belongs to the file
    /// it came from, also when that file ended in an error part way through a row.
    @Test func theNextFileStartsWithoutTheLastFilesMessage() throws {
        func page(_ messages: [String], trailing: String = "") -> [UInt8] {
            let rows = messages.map { #"{"message":\#($0),"recipients":[{"client_name":null,"client_phone":"9842271353"}],"sent_at":"2025-11-04T17:00:45.153834+05:45","delivered_at":null,"status":"DELIVERED"}"# }
            return Array(#"{"count":\#(rows.count),"next":null,"previous":null,"results":[\#(rows.joined(separator: ","))\#(trailing)]}"#.utf8)
        }
        var parser = ReportFileParser(statusMap: .standard)
        func parse(_ bytes: [UInt8], _ path: String) throws -> ParsedFile {
            try bytes.withUnsafeBytes { buffer throws(ReportError) in try parser.parse(buffer, path: path, kind: .page) }
        }
        _ = try parse(page([#""Other""#, #""Say \"hi\"""#]), "sms-report/page-000001.json")
        #expect(throws: ReportError.self) {
            try parse(page([#""Say \"hi\"""#], trailing: #",{"message":"Say \"hi\"","recipients":[{"#), "sms-report/page-000002.json")
        }
        let next = try parse(page([#""Say \"hi\"""#, #""Say \"hi\"""#]), "sms-report/page-000003.json")
        #expect(next.texts.map(\.text) == [#"Say "hi""#])
        #expect(next.recipients.map(\.textIndex) == [0, 0])
    }

    @Test func oneTextWrittenTwoWaysIsOneText() throws {
        let read = try Self.texts(ofRowsWith: [
            #""Say \"hi\"""#, #""Say \"hi\"""#, #""Say \u0022hi\u0022""#, #""Other""#, #""Say \"hi\"""#, #""Say \"hi\"""#,
        ])
        #expect(read.perRow == [#"Say "hi""#, #"Say "hi""#, #"Say "hi""#, "Other", #"Say "hi""#, #"Say "hi""#])
        #expect(read.distinct == 2)
    }

    @Test func aRowThatOnlyStartsLikeTheLastIsReadInFull() throws {
        let read = try Self.texts(ofRowsWith: [#""ab""#, #""abc""#, #""ab\n""#, #""ab""#, #""""#, #""""#, "null"])
        #expect(read.perRow == ["ab", "abc", "ab\n", "ab", "", "", ""])
    }

    @Test func anErrorRightAfterTheLastRowsTextIsStillReportedAtItsPlace() throws {
        // The second message is the first one's bytes followed by a raw control character.
        let error = #expect(throws: ReportError.self) { try Self.texts(ofRowsWith: [#""ab""#, "\"ab\u{01}\""]) }
        guard case .invalidJSON(_, let line, let column, let reason)? = error else {
            Issue.record("expected invalid JSON, got \(String(describing: error))")
            return
        }
        // The same place as without the compare: the control character's own column.
        let page = #"{"count":2,"next":null,"previous":null,"results":["#
        let firstRow = #"{"message":"ab","recipients":[{"client_name":null,"client_phone":"9800000000"}],"sent_at":"2025-11-04T17:00:45.153834+05:45","delivered_at":null,"status":"DELIVERED"},"#
        #expect(line == 1)
        #expect(column == page.utf8.count + firstRow.utf8.count + #"{"message":"ab"#.utf8.count + 1)
        #expect(reason.contains("control character"))
    }

    /// 400 rows drawn at random from texts each written several ways, in runs as the API
    /// lists them: every row reads as its text.
    @Test func seededRowsReadAsTheirTexts() throws {
        let ways: [(text: String, written: [String])] = [
            (#"Ram "Ji""#, [#""Ram \"Ji\"""#, #""Ram \u0022Ji\u0022""#]),
            ("नमस्ते\n", [#""नमस्ते\n""#, #""\u0928\u092e\u0938\u094d\u0924\u0947\u000a""#]),
            ("Ram", [#""Ram""#, #""R\u0061m""#]),
            ("", [#""""#]),
        ]
        var generator = SeededGenerator(state: 16)
        var expected: [String] = []
        var written: [String] = []
        while written.count < 400 {
            let pick = ways.randomElement(using: &generator)!
            let form = pick.written.randomElement(using: &generator)!
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                expected.append(pick.text)
                written.append(form)
            }
        }
        let read = try Self.texts(ofRowsWith: written)
        #expect(read.perRow == expected)
        #expect(read.distinct == Set(expected).count)
    }
}
