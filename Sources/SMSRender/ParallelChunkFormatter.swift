import Foundation

/// Formats the rows of a table on every core, a chunk of rows at a time, and hands
/// the formatted chunks (CSV bytes, XLSX cell batches) back in row order, a few
/// chunks ahead of the writer.
package struct ParallelChunkFormatter: Sendable {
    /// Rows formatted by one task.
    package var rowsPerChunk = 16_384
    /// Chunks being formatted ahead of the one being written.
    package var chunksAhead = ProcessInfo.processInfo.activeProcessorCount + 1

    /// Formats rows `0..<rowCount` with `format` (one range of rows → one chunk) and
    /// passes each chunk to `consume`, in order.
    package func formatRows<Chunk: Sendable, Failure: Error>(count rowCount: Int,
                                                     format: @escaping @Sendable (Range<Int>) -> Chunk,
                                                     consume: (Chunk, Range<Int>) throws(Failure) -> Void) async throws(Failure) {
        var pending: [(range: Range<Int>, task: Task<Chunk, Never>)] = []
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
