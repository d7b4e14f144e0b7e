@testable import SnapshotFormat
import Testing

/// String escapes of RFC 8259, as the API may send them in `message` and `client_name`.
@Suite struct JSONStringTests {
    static func decode(_ json: String) throws -> JSONValue {
        var bytes = Array(json.utf8)
        return try bytes.withUnsafeMutableBytes { buffer in
            var scanner = JSONScanner(bytes: UnsafeRawBufferPointer(buffer))
            let value = try scanner.readValue()
            try scanner.expectEnd()
            return value
        }
    }

    @Test(arguments: [
        (#""\u0928\u092e\u0938\u094d\u0924\u0947""#, "नमस्ते"),
        (#""\ud83d\ude00""#, "😀"),
        (#""\uD83D\uDE00 ok""#, "😀 ok"),
        (#""quote \" backslash \\ slash \/""#, #"quote " backslash \ slash /"#),
        (#""line\nbreak\ttab\r\b\f""#, "line\nbreak\ttab\r\u{08}\u{0C}"),
        (#""\u0041\u00e9""#, "Aé"),
        (#""plain नमस्ते 😀""#, "plain नमस्ते 😀"),
        (#""""#, ""),
    ])
    func escapeIsDecoded(json: String, text: String) throws {
        #expect(try Self.decode(json) == .string(text))
    }

    @Test func loneSurrogateBecomesReplacementCharacter() throws {
        #expect(try Self.decode(#""a\ud83db""#) == .string("a\u{FFFD}b"))
    }

    @Test func anEscapeAfterALoneHighSurrogateIsKept() throws {
        // Before, the escape after the lone surrogate was swallowed with it: "A" was lost.
        #expect(try Self.decode(#""\uD800\u0041""#) == .string("\u{FFFD}A"))
        #expect(try Self.decode(#""\uD800\uD83D\uDE00""#) == .string("\u{FFFD}😀"))
        #expect(throws: JSONSyntaxError.self) { try Self.decode(#""\uD800\u12""#) }
    }

    @Test(arguments: [#""\x41""#, #""unterminated"#, "\"raw\ncontrol\"", #""\u12""#])
    func invalidStringIsAnError(json: String) {
        #expect(throws: JSONSyntaxError.self) { try Self.decode(json) }
    }

    @Test func numbersKeepTheirLiteralText() throws {
        #expect(try Self.decode("[9842271353, -1.50, 1e3]") == .array([.number("9842271353"), .number("-1.50"), .number("1e3")]))
    }

    @Test func escapedMessageAndNameReachTheDelivery() async throws {
        let row = #"{"message": "\u0928\u092e\u0938\u094d\u0924\u0947 \ud83d\ude00 \"hi\"", "#
            + #""recipients": [{"client_name": "\u0938\u0940\u0924\u093e", "client_phone": "\u0039\u0038\u0034\u0031\u0032\u0033\u0034\u0035\u0036\u0037"}], "#
            + #""sent_at": "2025-11-04T17:00:45.153834+05:45", "delivered_at": null, "status": "SENT"}"#
        let snapshot = try await UnitSnapshot.load([UnitSnapshot.page(1): UnitJSON.page(count: 1, rows: [row])])
        let delivery = try #require(snapshot.normalized.deliveries.first)
        #expect(snapshot.normalized.messages[delivery.messageID].text == "नमस्ते 😀 \"hi\"")
        #expect(delivery.recipientName == "सीता")
        #expect(delivery.phone == "9841234567")
    }

    @Test func escapedAndPlainSpellingsOfATextAreTheSameMessage() async throws {
        let sentAt = "2025-11-04T17:00:45.153834+05:45"
        let escaped = #"{"message": "\u0928\u092e", "recipients": [{"client_name": null, "client_phone": 9841234567}], "sent_at": "\#(sentAt)", "status": "SENT"}"#
        let plain = UnitJSON.row(sentAt: sentAt, message: "नम", phone: "9841234567")
        let snapshot = try await UnitSnapshot.load([
            UnitSnapshot.page(1): UnitJSON.page(count: 1, hasNext: true, rows: [escaped]),
            UnitSnapshot.page(2): UnitJSON.page(count: 1, rows: [plain]),
        ])
        #expect(snapshot.normalized.deliveries.count == 1)
        #expect(snapshot.normalized.fetchChecks.duplicateRows == 1)
    }

    @Test func keyWrittenWithAnEscapeIsTheSameKey() async throws {
        let row = #"{"message": "Hi", "recipients": [{"client_name": null, "client_phone": 9841234567}], "#
            + #""sent\u005fat": "2025-11-04T17:00:45.153834+05:45", "status": "DELIVERED"}"#
        let snapshot = try await UnitSnapshot.load([UnitSnapshot.page(1): UnitJSON.page(count: 1, rows: [row])])
        let delivery = try #require(snapshot.normalized.deliveries.first)
        #expect(delivery.sentAt == TimestampParser.parse("2025-11-04T17:00:45.153834+05:45"))
    }
}
