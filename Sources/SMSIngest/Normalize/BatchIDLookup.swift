/// The rows of `batch-ids.json`, made ready to be matched with deliveries by their
/// `sent_at` instant (contract §3). It is built on a core of its own while the pages
/// are parsed and merged, so that matching at the end only looks rows up.
///
/// The rows are ordered by instant (in file order within one instant) and searched by
/// halving. The API lists them in order already, and then no sort is made and no
/// memory beyond the rows is used; otherwise an index of 4 bytes a row is sorted.
/// Deliveries are matched in page order, which follows time too, so consecutive
/// searches touch the same part of the rows: at ten million rows that locality is
/// worth more than a hash table's single probe.
package struct BatchIDLookup: Sendable {
    private let rows: [BatchIDRecord]
    /// The rows' indices in instant order; nil when the file's order is already that.
    private let order: [Int32]?
    /// The distinct non-empty batch ids the rows name.
    package let batchIDs: Set<String>

    /// Prepares `rows`, in the order the file gave them.
    package init(rows: [BatchIDRecord]) {
        self.rows = rows
        let inOrder = zip(rows, rows.dropFirst()).allSatisfy { $0.sentAt <= $1.sentAt }
        order = inOrder ? nil : (0..<Int32(truncatingIfNeeded: rows.count)).sorted {
            (rows[Int($0)].sentAt, $0) < (rows[Int($1)].sentAt, $1)
        }
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
        var position = firstPosition(atOrAfter: instant)
        while position < rows.count {
            let row = rows[rowIndex(at: position)]
            guard row.sentAt.microseconds == instant else { return }
            body(row)
            position += 1
        }
    }

    /// The index of the row at `position` in instant order.
    private func rowIndex(at position: Int) -> Int {
        order.map { Int($0[position]) } ?? position
    }

    /// The first position in instant order of a row sent at or after `instant`.
    private func firstPosition(atOrAfter instant: Int64) -> Int {
        var low = 0
        var high = rows.count
        while low < high {
            let middle = (low + high) / 2
            if rows[rowIndex(at: middle)].sentAt.microseconds < instant {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }
}
