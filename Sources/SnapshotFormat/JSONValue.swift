import Foundation
import SMSCore

/// A JSON value read whole, for the snapshot's small files (metrics, error bodies).
/// Object members keep their order; numbers keep their literal text.
package enum JSONValue: Sendable, Equatable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case let (.object(left), .object(right)):
            return left.count == right.count && zip(left, right).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case let (.array(left), .array(right)):
            return left == right
        case let (.string(left), .string(right)), let (.number(left), .number(right)):
            return left == right
        case let (.bool(left), .bool(right)):
            return left == right
        case (.null, .null):
            return true
        default:
            return false
        }
    }

    /// The value of member `key` of an object, or nil.
    package subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }
}

extension JSONValue {
    /// Parses a whole JSON document (`file` names it in errors): a syntax error
    /// becomes ``ReportError/invalidJSON(file:line:column:reason:)`` with its place.
    package static func parse(_ data: Data, file: String) throws(ReportError) -> JSONValue {
        try JSONScanner.scan(data, file: file) { scanner throws(JSONSyntaxError) in
            let value = try scanner.readValue()
            try scanner.expectEnd()
            return value
        }
    }
}

extension JSONScanner {
    /// Runs `body` with a scanner over `data`; a syntax error becomes
    /// ``ReportError/invalidJSON(file:line:column:reason:)`` naming `file` and the place.
    package static func scan<Result>(_ data: Data, file: String,
                                     _ body: (inout JSONScanner) throws(JSONSyntaxError) -> Result) throws(ReportError) -> Result {
        do {
            return try data.withUnsafeBytes { bytes throws(JSONSyntaxError) in
                var scanner = JSONScanner(bytes: bytes)
                return try body(&scanner)
            }
        } catch let error as JSONSyntaxError {
            throw .invalidJSON(file: file, line: error.line, column: error.column, reason: error.reason)
        } catch {
            // withUnsafeBytes rethrows untyped; the body throws nothing else.
            throw .unreadableFile(file: file, reason: "\(error)")
        }
    }
}
