import SMSCore

/// The trend table of `history` and what it could not cover (contract §9).
package struct HistoryResult: Sendable {
    /// The `history` table: `bucket`, the group column when grouped, `<G>`, then
    /// `latency_quantiles, complete_days, stored_days`.
    package var table: Table
    /// The days covered that the store does not have, ascending. They are in no row:
    /// the caller lists them, never as zero.
    package var missingDays: [LocalDay]
    /// Stored days whose rollups were pruned (`store prune`), ascending: their days row
    /// says they had deliveries but their figures are gone, so they are in no row and
    /// not counted in `stored_days`.
    package var prunedDays: [LocalDay]
    /// The days covered: `--from`…`--to`, each defaulting to the first or last stored
    /// day; nil when neither is given and nothing is stored.
    package var coveredDays: ClosedRange<LocalDay>?
    /// Stored days within ``coveredDays`` whose figures are in the table (pruned ones excluded).
    package var storedDays: Int
    /// Of ``storedDays``, those stored complete.
    package var completeDays: Int

    package init(table: Table, missingDays: [LocalDay], prunedDays: [LocalDay], coveredDays: ClosedRange<LocalDay>?,
                 storedDays: Int, completeDays: Int) {
        self.table = table
        self.missingDays = missingDays
        self.prunedDays = prunedDays
        self.coveredDays = coveredDays
        self.storedDays = storedDays
        self.completeDays = completeDays
    }
}
