import Foundation

/// The ground truth: `truth.csv`, one line per distinct delivery as the world intends
/// it, which is what a correct report must conclude from the snapshot.
///
/// Columns: `sent_at,phone_as_sent,phone_normalized,operator,message,status_canonical,delivered_at,batch_id`.
/// Times are ISO 8601 with 6 fractional digits and `+05:45`; `phone_normalized` is the
/// 10-digit number or empty when invalid; `delivered_at` and `batch_id` are empty when
/// there is none. RFC 4180 quoting, LF line endings, and no formula guarding: cells
/// hold the exact values. Lines are ordered by `sent_at`, then by the phone a report
/// shows (normalised, or as sent when invalid).
///
/// Every value comes from the world's own intent (``WorldRecipient/intendedNumber``,
/// ``WorldMessage/outcome``), never from parsing what the API rows say.
package enum TruthWriter {
    /// The header line, without its line feed.
    package static let header = "sent_at,phone_as_sent,phone_normalized,operator,message,status_canonical,delivered_at,batch_id"

    /// The whole file in memory; for small worlds and tests.
    package static func render(_ world: World) -> [UInt8] {
        var bytes: [UInt8] = []
        appendHeader(to: &bytes)
        for message in world.messages {
            appendLines(of: message, to: &bytes)
        }
        return bytes
    }

    /// Writes the file to `url` in chunks, so a large world's truth never sits in memory whole.
    package static func write(_ world: World, to url: URL) throws {
        var file = try ChunkedFile(url: url)
        appendHeader(to: &file.buffer)
        for message in world.messages {
            appendLines(of: message, to: &file.buffer)
            try file.flushIfFull()
        }
        try file.finish()
    }

    private static func appendHeader(to bytes: inout [UInt8]) {
        bytes.appendUTF8(header)
        bytes.append(UInt8(ascii: "\n"))
    }

    private static func appendLines(of message: WorldMessage, to bytes: inout [UInt8]) {
        let recipients = message.recipients.count == 1 ? message.recipients
            : message.recipients.sorted { $0.reportedPhone.utf8.lexicographicallyPrecedes($1.reportedPhone.utf8) }
        for recipient in recipients {
            bytes.appendISO8601(message.sentAt.written(as: .standard))
            bytes.append(UInt8(ascii: ","))
            bytes.appendCSVField(recipient.phone.asReceived)
            bytes.append(UInt8(ascii: ","))
            bytes.appendUTF8(recipient.intendedNumber ?? "")
            bytes.append(UInt8(ascii: ","))
            bytes.appendUTF8(recipient.mobileOperator.rawValue)
            bytes.append(UInt8(ascii: ","))
            bytes.appendCSVField(message.text)
            bytes.append(UInt8(ascii: ","))
            bytes.appendUTF8(message.outcome.status.rawValue)
            bytes.append(UInt8(ascii: ","))
            if let deliveredAt = message.outcome.deliveredAt {
                bytes.appendISO8601(APITimestamp(microseconds: deliveredAt))
            }
            bytes.append(UInt8(ascii: ","))
            bytes.appendCSVField(message.batchID ?? "")
            bytes.append(UInt8(ascii: "\n"))
        }
    }
}
