import SMSCore
import SnapshotFormat

/// What the fetch needs to know of `GET /api/batch-ids`: each row's `sent_at` and
/// `batch_id`, to choose the batch reports to fetch. Statuses and phones are the
/// report's business, so nothing here normalises them; but a body is accepted only
/// when `report` would read it (the same row rules as the report's parser), so a
/// body that fetch stores never stops a report.
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

    /// Reads `body`: the documented array of rows, or the documented error object
    /// (`{"error": …}`, no rows); nil for anything `report` would refuse.
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

    /// A row or body that `report` would refuse.
    private struct Refused: Error {}

    private static func read(_ scanner: inout JSONScanner) throws -> BatchIDList {
        var list = BatchIDList()
        if try scanner.peek() == UInt8(ascii: "{") {
            guard case .string = try scanner.readValue()["error"] else { throw Refused() }
        } else {
            var rows = try scanner.beginArray()
            while try scanner.nextElement(&rows) {
                list.rows.append(try readRow(&scanner))
            }
        }
        try scanner.expectEnd()
        return list
    }

    private static func readRow(_ scanner: inout JSONScanner) throws -> Row {
        var fields = try scanner.beginObject()
        var sentAt: Instant?
        var batchID = ""
        while let key = try scanner.nextKey(&fields) {
            if scanner.matches(key, "sent_at") {
                sentAt = try readTimestamp(&scanner)
            } else if scanner.matches(key, "delivered_at") {
                _ = try readTimestamp(&scanner)
            } else if scanner.matches(key, "status") {
                _ = try scanner.readScalarText()
            } else if scanner.matches(key, "batch_id") {
                batchID = try scanner.readScalarText() ?? ""
            } else {
                try scanner.skipValue()
            }
        }
        guard let sentAt else { throw Refused() }
        return Row(sentAt: sentAt, batchID: batchID)
    }

    /// A timestamp string; nil for null or `""`. Any other value is refused.
    private static func readTimestamp(_ scanner: inout JSONScanner) throws -> Instant? {
        if try scanner.consumeNull() {
            return nil
        }
        guard try scanner.peek() == UInt8(ascii: "\"") else { throw Refused() }
        let value = try scanner.readStringValue()
        if case .span(let range) = value, range.isEmpty {
            return nil
        }
        guard let instant = scanner.withBytes(of: value, { TimestampParser.parse($0) }) else { throw Refused() }
        return instant
    }
}
