/// The body of `GET /api/batch-ids`: one row per message in a batch, oldest first,
/// `{"sent_at":…,"delivered_at":…,"status":…,"batch_id":…}`, with the status as a
/// code (`"1"` delivered, `"4"` undeliverable) or a name. Batches without a batch
/// report are listed too.
package enum BatchIDsBody {
    /// The API path.
    package static let path = "/api/batch-ids"

    /// The body for `world`.
    package static func render(_ world: World) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.append(UInt8(ascii: "["))
        var isFirst = true
        for message in world.messages {
            guard let batchID = message.batchID else { continue }
            if !isFirst {
                bytes.append(UInt8(ascii: ","))
            }
            isFirst = false
            bytes.appendASCII("{\"sent_at\":")
            bytes.appendJSONTimestamp(message.sentAt.written(as: .standard))
            bytes.appendASCII(",\"delivered_at\":")
            bytes.appendJSONTimestamp(message.batchIDsRow.deliveredAt)
            bytes.appendASCII(",\"status\":")
            bytes.appendJSONString(message.batchIDsRow.raw)
            bytes.appendASCII(",\"batch_id\":")
            bytes.appendJSONString(batchID)
            bytes.append(UInt8(ascii: "}"))
        }
        bytes.append(UInt8(ascii: "]"))
        return bytes
    }
}
