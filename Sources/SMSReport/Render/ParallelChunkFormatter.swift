import Foundation

/// Formats the rows of a table on every core, a chunk of rows at a time, and hands
/// the formatted bytes back in row order, a few chunks ahead of the writer.
struct ParallelChunkFormatter: Sendable {
    /// Rows formatted by one task.
    var rowsPerChunk = 16_384
    /// Chunks being formatted ahead of the one being written.
    var chunksAhead = ProcessInfo.processInfo.activeProcessorCount + 1

    /// Formats rows `0..<rowCount` with `format` (one range of rows → bytes) and passes
    /// each chunk's bytes to `consume`, in order.
    func formatRows(count rowCount: Int,
                    format: @escaping @Sendable (Range<Int>) -> [UInt8],
                    consume: ([UInt8], Range<Int>) throws(ReportError) -> Void) async throws(ReportError) {
        var pending: [(range: Range<Int>, task: Task<[UInt8], Never>)] = []
        var nextRow = 0
        while nextRow < rowCount || !pending.isEmpty {
            while pending.count < chunksAhead, nextRow < rowCount {
                let range = nextRow..<min(nextRow + rowsPerChunk, rowCount)
                pending.append((range, Task.detached { format(range) }))
                nextRow = range.upperBound
            }
            let chunk = pending.removeFirst()
            try consume(await chunk.task.value, chunk.range)
        }
    }
}
