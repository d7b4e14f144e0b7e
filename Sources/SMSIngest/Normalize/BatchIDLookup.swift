/// The rows of `batch-ids.json`, made ready to be matched with deliveries by their
/// `sent_at` instant (contract §3). It is built on a core of its own while the pages
/// are parsed and merged, so that matching at the end only looks rows up.
///
/// The rows are ordered by instant (in file order within one instant) and searched from
/// where the last search ended. The API lists them in order already, and then no sort is
/// made and no memory beyond the rows is used; otherwise an index of 4 bytes a row is
/// sorted. Deliveries are matched in page order, which follows time too, so consecutive
/// searches touch the same few rows: at ten million rows that locality is worth more
/// than a hash table's single probe.
package struct BatchIDLookup: Sendable {
    private let rows: [BatchIDRecord]
    /// The rows' indices in instant order; nil when the file's order is already that.
    private let order: [Int32]?
    /// The distinct non-empty batch ids the rows name.
    package let batchIDs: Set<String>

    /// Prepares `rows`, in the order the file gave them.
    package init(rows: [BatchIDRecord]) {
        self.rows = rows
        // By index, not by pairs of rows: a copy of a row retains its texts.
        let inOrder = rows.indices.dropFirst().allSatisfy { rows[$0 - 1].sentAt <= rows[$0].sentAt }
        order = inOrder ? nil : (0..<Int32(truncatingIfNeeded: rows.count)).sorted {
            (rows[Int($0)].sentAt, $0) < (rows[Int($1)].sentAt, $1)
        }
        var batchIDs = Set<String>()
        var previous = ""
        for index in rows.indices where !rows[index].batchID.isEmpty && rows[index].batchID != previous {
            // Rows of one batch sit side by side: most are the id just inserted.
            batchIDs.insert(rows[index].batchID)
            previous = rows[index].batchID
        }
        self.batchIDs = batchIDs
    }

    /// True when the file had no rows.
    package var isEmpty: Bool {
        rows.isEmpty
    }

    /// Where the last search ended. Deliveries are matched in page order, which follows
    /// time, so the next delivery's rows are usually a few positions on: a search that
    /// starts there reads a handful of neighbouring rows instead of halving all of them
    /// (at a million rows, twenty reads spread over the whole array).
    package struct SearchHint {
        fileprivate var position = 0

        package init() {}
    }

    /// Calls `body` with each row sent at `instant`, in file order; `hint` is where the
    /// search starts, and is moved to where it ended. Any hint gives the same rows.
    package func forEachRow(sentAt instant: Int64, hint: inout SearchHint, _ body: (BatchIDRecord) -> Void) {
        var position = firstPosition(atOrAfter: instant, near: min(max(hint.position, 0), rows.count))
        hint.position = position
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

    /// The instant of the row at `position` in instant order.
    private func instant(at position: Int) -> Int64 {
        rows[rowIndex(at: position)].sentAt.microseconds
    }

    /// The first position in instant order of a row sent at or after `instant`, found by
    /// steps that double from `start` (towards later rows or earlier ones) until they pass
    /// it, and then by halving between the last two steps.
    private func firstPosition(atOrAfter instant: Int64, near start: Int) -> Int {
        // The answer lies in low...high: rows before low are earlier than `instant`, rows
        // from high on are not.
        var low: Int
        var high: Int
        if start < rows.count, self.instant(at: start) < instant {
            low = start + 1
            var step = 1
            var bound = start + step
            while bound < rows.count, self.instant(at: bound) < instant {
                low = bound + 1
                step *= 2
                bound = start + step
            }
            high = min(bound, rows.count)
        } else {
            high = start
            var step = 1
            var bound = start - step
            while bound >= 0, self.instant(at: bound) >= instant {
                high = bound
                step *= 2
                bound = start - step
            }
            low = max(bound + 1, 0)
        }
        while low < high {
            let middle = (low + high) / 2
            if self.instant(at: middle) < instant {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }
}
