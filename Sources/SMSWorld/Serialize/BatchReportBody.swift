import SnapshotFormat

/// The body of `GET /api/sms-report/{batch_id}/`: the batch's rows, newest first, as
/// the batch report sees their status.
package enum BatchReportBody {
    /// The API path of a batch's report, with the id percent-encoded.
    package static func path(for batchID: String) -> String {
        "/api/sms-report/\(FileSafeName.encode(batchID))/"
    }

    /// The body for `batch`, whose indices point into `world`'s messages.
    package static func render(_ batch: WorldBatch, in world: World) -> [UInt8] {
        var bytes: [UInt8] = []
        append(batch, in: world, to: &bytes)
        return bytes
    }

    /// Appends the body for `batch` to `bytes`, so that one buffer can serve every batch.
    package static func append(_ batch: WorldBatch, in world: World, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "["))
        for (offset, index) in batch.messageIndices.reversed().enumerated() {
            if offset > 0 {
                bytes.append(UInt8(ascii: ","))
            }
            let message = world.messages[index]
            bytes.appendReportRow(message, status: message.batchReportRow)
        }
        bytes.append(UInt8(ascii: "]"))
    }
}
