@testable import SnapshotFormat
import Testing

/// `skipValue` passes over a value without building it (unknown keys of a row, the
/// manifest's log of requests); it must accept and refuse exactly what `readValue`
/// does, with the same error at the same place.
@Suite struct JSONSkipTests {
    /// What reading one value from `json` ends with: the offset after it, or the error.
    private enum Outcome: Equatable {
        case end(Int)
        case failure(line: Int, column: Int, reason: String)
    }

    private static func outcome(_ json: [UInt8], skipping: Bool) -> Outcome {
        json.withUnsafeBytes { bytes in
            var scanner = JSONScanner(bytes: bytes)
            do throws(JSONSyntaxError) {
                if skipping {
                    try scanner.skipValue()
                } else {
                    _ = try scanner.readValue()
                }
                try scanner.expectEnd()
                return .end(scanner.position)
            } catch {
                return .failure(line: error.line, column: error.column, reason: error.reason)
            }
        }
    }

    static let documents = [
        #"{"a": [1, -2.5e3, true, false, null, "x\"y\u0041"], "b": {"c": {}}, "d": []}"#,
        #"[{"message": "नमस्ते", "recipients": [{"client_phone": 9841234567}]}]"#,
        "\"plain\"", "0", "-0.0e+1", "  null  ", String(repeating: "[", count: 300) + String(repeating: "]", count: 300),
    ]

    /// The documents as written, and every one of them cut short or with one byte
    /// replaced, at every place.
    @Test func skippingAcceptsAndRefusesWhatReadingDoes() {
        var inputs: [[UInt8]] = []
        let replacements: [UInt8] = [UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "}"), UInt8(ascii: ","), 0x01, UInt8(ascii: "x"), 0xFF]
        for document in Self.documents.map({ Array($0.utf8) }) {
            inputs.append(document)
            for index in document.indices {
                inputs.append(Array(document[..<index]))
                for replacement in replacements {
                    var changed = document
                    changed[index] = replacement
                    inputs.append(changed)
                }
            }
        }
        let differing = inputs.filter { Self.outcome($0, skipping: true) != Self.outcome($0, skipping: false) }
        #expect(differing.isEmpty, "\(differing.prefix(3).map { String(decoding: $0, as: UTF8.self) })")
        #expect(inputs.contains { if case .failure = Self.outcome($0, skipping: true) { true } else { false } })
        #expect(inputs.contains { if case .end = Self.outcome($0, skipping: true) { true } else { false } })
    }
}
