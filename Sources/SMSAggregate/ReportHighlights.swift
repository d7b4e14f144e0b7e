import SMSCore

/// Figures the summary page (HTML and text) shows that are not tables of contract §4,
/// made by aggregation so that the renderers only format them.
package struct ReportHighlights: Sendable {
    /// Up to ten `by_batch` rows with the lowest delivery rate: rate ascending, then
    /// deliveries descending (the larger batch first), then `by_batch` order. The
    /// `(no batch)` group takes part like any batch. Same columns as `by_batch`.
    package var worstBatches: Table
    /// Undeliverable plus failed deliveries over the whole report (a KPI tile of the
    /// summary page).
    package var undeliverableOrFailed: Int

    /// How many batches ``worstBatches`` lists at most.
    package static let worstBatchLimit = 10

    package init(worstBatches: Table, undeliverableOrFailed: Int) {
        self.worstBatches = worstBatches
        self.undeliverableOrFailed = undeliverableOrFailed
    }
}
