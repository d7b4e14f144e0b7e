@testable import SnapshotFormat
import Testing

/// `nextKey(_:expecting:)`: the key a writer usually puts next is matched on its bytes,
/// and every other way of writing a key still reads as that key.
@Suite struct JSONExpectedKeyTests {
    enum Read: Equatable {
        case expected
        case other(String)
        case end
    }

    /// The keys of the object in `json`, each read expecting `expected`, its value skipped.
    static func keys(of json: String, expecting expected: StaticString?) throws -> [Read] {
        var bytes = Array(json.utf8)
        return try bytes.withUnsafeMutableBytes { buffer in
            var scanner = JSONScanner(bytes: UnsafeRawBufferPointer(buffer))
            var cursor = try scanner.beginObject()
            var keys: [Read] = []
            while true {
                switch try scanner.nextKey(&cursor, expecting: expected) {
                case .expected:
                    keys.append(.expected)
                case .other(let key):
                    keys.append(.other(scanner.string(of: key)))
                case .end:
                    keys.append(.end)
                    try scanner.expectEnd()
                    return keys
                }
                try scanner.skipValue()
            }
        }
    }

    @Test func theExpectedKeyIsFoundFirstAndAfterAComma() throws {
        #expect(try Self.keys(of: #"{"status":"1","status":"2"}"#, expecting: "status") == [.expected, .expected, .end])
    }

    @Test(arguments: [
        #"{"sent_at":1}"#,
        #"{"sent_at" :1}"#,
        #"{ "sent_at":1}"#,
        #"{"sent\u005fat":1}"#,
        #"{"sent\u005Fat":1}"#,
    ])
    func theExpectedKeyWrittenAnyWayIsStillThatKey(json: String) throws {
        let read = try Self.keys(of: json, expecting: "status")
        #expect(read == [.other("sent_at"), .end])
        let expected = try Self.keys(of: json, expecting: "sent_at")
        #expect(expected == [.expected, .end] || expected == [.other("sent_at"), .end])
    }

    @Test(arguments: [
        (#"{"status_code":1}"#, "status_code"),
        (#"{"statu":1}"#, "statu"),
        (#"{"":1}"#, ""),
    ])
    func aKeyThatOnlyBeginsOrEndsLikeTheExpectedOneIsAnother(json: String, key: String) throws {
        #expect(try Self.keys(of: json, expecting: "status") == [.other(key), .end])
    }

    @Test func anEmptyObjectEndsAtOnce() throws {
        #expect(try Self.keys(of: "{}", expecting: "status") == [.end])
        #expect(try Self.keys(of: "{ }", expecting: nil) == [.end])
    }

    /// The error reading `json` expecting `expected`; nil when it reads.
    static func failure(of json: String, expecting expected: StaticString?) -> JSONSyntaxError? {
        do {
            _ = try keys(of: json, expecting: expected)
            return nil
        } catch {
            return error as? JSONSyntaxError
        }
    }

    @Test(arguments: [
        (#"{"a":1 "status":2}"#, "expected ',' or '}' in an object"),
        (#"{"a":1,,"status":2}"#, "expected a string key"),
        (#"{"status"1}"#, "expected ':' after a key"),
        (#"{"status":1,}"#, "expected a string key"),
        (#"{"status""#, "unexpected end of input"),
        (#"{"status":1"#, "unexpected end of input"),
    ])
    func aMalformedObjectFailsAsWithoutAnExpectedKey(json: String, reason: String) throws {
        let expecting = try #require(Self.failure(of: json, expecting: "status"), "\(json) was read")
        let plain = try #require(Self.failure(of: json, expecting: nil))
        #expect(expecting.reason == reason)
        #expect(expecting.reason == plain.reason && expecting.line == plain.line && expecting.column == plain.column)
    }
}
