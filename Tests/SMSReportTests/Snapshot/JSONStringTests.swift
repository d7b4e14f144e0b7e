import Foundation
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

    /// Texts with escapes anywhere (first, last, side by side, between long plain runs and
    /// near the end of the input) decode to what Foundation's encoder wrote.
    @Test func escapedTextsDecodeToWhatAnEncoderWrote() throws {
        var generator = SeededGenerator(state: 16)
        let pieces = ["\"", "\\", "/", "\n", "\t", "\u{01}", "\u{1F}", "é", "न", "😀", "a", "plain run of text ", "0123456789abcdef"]
        var wrong: [String] = []
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let json = String(decoding: try JSONEncoder().encode(text), as: UTF8.self)
            if try Self.decode(json) != .string(text) {
                wrong.append(json)
            }
        }
        #expect(wrong.isEmpty)
    }

    /// A raw control character is reported at its own column, after an escape as in a
    /// string without one (the first used to name the column just past it).
    @Test func aControlCharacterAfterAnEscapeIsReportedAtItsPlace() throws {
        for json in ["\"a\\nplain text long enough\u{01}\"", "\"plain text long enough\u{01}\""] {
            let error = try #require(throws: JSONSyntaxError.self) { try Self.decode(json) }
            #expect(error.reason == "control character in a string")
            #expect(error.line == 1)
            #expect(error.column == json.utf8.count - 1)
        }
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
