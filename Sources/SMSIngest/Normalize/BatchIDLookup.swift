/// The rows of `batch-ids.json`, made ready to be matched with deliveries by their
/// `sent_at` instant (contract §3). It is built on a core of its own while the pages
/// are parsed and merged, so that matching at the end only looks rows up.
///
/// Rows are found through an open-addressing table from an instant to the first row
/// sent at it, and the rows of one instant are chained in file order: no sort, and
/// about 10 bytes a row beside the rows themselves.
package struct BatchIDLookup: Sendable {
    private let rows: [BatchIDRecord]
    /// Each slot holds the index of the first row (in file order) of an instant, or -1.
    private let firstRowBySlot: [Int32]
    /// For each row, the next row sent at the same instant, in file order, or -1.
    private let nextRowOfInstant: [Int32]
    /// The distinct non-empty batch ids the rows name.
    package let batchIDs: Set<String>

    /// Prepares `rows`, in the order the file gave them.
    package init(rows: [BatchIDRecord]) {
        self.rows = rows
        var slots = [Int32](repeating: -1, count: Self.slotCount(for: rows.count))
        var next = [Int32](repeating: -1, count: rows.count)
        let mask = slots.count - 1
        // From the last row to the first, so that each instant's chain ends up in file order.
        for index in rows.indices.reversed() {
            let instant = rows[index].sentAt.microseconds
            var slot = Self.hash(instant) & mask
            while slots[slot] >= 0, rows[Int(slots[slot])].sentAt.microseconds != instant {
                slot = (slot + 1) & mask
            }
            next[index] = slots[slot]
            slots[slot] = Int32(truncatingIfNeeded: index)
        }
        firstRowBySlot = slots
        nextRowOfInstant = next
        var batchIDs = Set<String>()
        var previous = ""
        for row in rows where !row.batchID.isEmpty && row.batchID != previous {
            // Rows of one batch sit side by side: most are the id just inserted.
            batchIDs.insert(row.batchID)
            previous = row.batchID
        }
        self.batchIDs = batchIDs
    }

    /// True when the file had no rows.
    package var isEmpty: Bool {
        rows.isEmpty
    }

    /// Calls `body` with each row sent at `instant`, in file order.
    package func forEachRow(sentAt instant: Int64, _ body: (BatchIDRecord) -> Void) {
        guard !rows.isEmpty else { return }
        let mask = firstRowBySlot.count - 1
        var slot = Self.hash(instant) & mask
        while firstRowBySlot[slot] >= 0 {
            var index = Int(firstRowBySlot[slot])
            if rows[index].sentAt.microseconds == instant {
                while index >= 0 {
                    body(rows[index])
                    index = Int(nextRowOfInstant[index])
                }
                return
            }
            slot = (slot + 1) & mask
        }
    }

    /// A power of two with at least half again as many slots as rows (16 at least).
    private static func slotCount(for rows: Int) -> Int {
        var count = 16
        while count < rows + rows / 2 {
            count *= 2
        }
        return count
    }

    /// Instants a microsecond apart must land far apart; the high bits of the product
    /// are the best mixed, so they are folded down.
    private static func hash(_ instant: Int64) -> Int {
        var mixed = UInt64(bitPattern: instant) &* 0x9E37_79B9_7F4A_7C15
        mixed ^= mixed >> 29
        return Int(truncatingIfNeeded: mixed)
    }
}
