import SMSCore
import SnapshotFormat

/// What the fetch needs to know of `GET /api/batch-ids`: each row's `sent_at` and
/// `batch_id`, to choose the batch reports to fetch. Statuses and phones are the
/// report's business, so nothing here normalises them.
package struct BatchIDList: Sendable {
    /// One row of the body.
    package struct Row: Sendable {
        /// The message's `sent_at`.
        package var sentAt: Instant
        /// Its `batch_id`; empty when null or absent.
        package var batchID: String
    }

    /// The rows, in body order.
    package private(set) var rows: [Row] = []

    /// Reads `body`: the documented array of rows, each with a `sent_at` timestamp, or
    /// the documented error object (`{"error": …}`, no rows); nil for anything else.
    package init?(body: [UInt8]) {
        var list: BatchIDList?
        body.withUnsafeBytes { bytes in
            var scanner = JSONScanner(bytes: bytes)
            list = try? Self.read(&scanner)
        }
        guard let list else { return nil }
        self = list
    }

    private init() {}

    private static func read(_ scanner: inout JSONScanner) throws -> BatchIDList? {
        var list = BatchIDList()
        if try scanner.peek() == UInt8(ascii: "{") {
            guard case .string = try scanner.readValue()["error"] else { return nil }
            try scanner.expectEnd()
            return list
        }
        var rows = try scanner.beginArray()
        while try scanner.nextElement(&rows) {
            var field = try scanner.beginObject()
            var sentAt: Instant?
            var batchID = ""
            while let key = try scanner.nextKey(&field) {
                if scanner.matches(key, "sent_at"), try scanner.peek() == UInt8(ascii: "\"") {
                    let value = try scanner.readStringValue()
                    sentAt = scanner.withBytes(of: value) { TimestampParser.parse($0) }
                } else if scanner.matches(key, "batch_id") {
                    batchID = try readIdentifier(&scanner)
                } else {
                    try scanner.skipValue()
                }
            }
            guard let sentAt else { return nil }
            list.rows.append(Row(sentAt: sentAt, batchID: batchID))
        }
        try scanner.expectEnd()
        return list
    }

    /// A batch id given as a string or a number; empty for null.
    private static func readIdentifier(_ scanner: inout JSONScanner) throws -> String {
        switch try scanner.peek() {
        case UInt8(ascii: "\""):
            return try scanner.readString()
        case UInt8(ascii: "n"):
            _ = try scanner.consumeNull()
            return ""
        default:
            return try scanner.readNumberLiteral()
        }
    }
}
