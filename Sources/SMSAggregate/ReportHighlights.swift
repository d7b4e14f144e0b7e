import SMSCore

/// Figures the summary page (HTML and text) shows that are not tables of contract §4,
/// made by aggregation so that the renderers only format them.
package struct ReportHighlights: Sendable {
    /// Up to ten `by_batch` rows with the lowest delivery rate, among the batches with at
    /// least ``worstBatchMinimumDeliveries``: rate ascending, then deliveries descending
    /// (the larger batch first), then `by_batch` order. The `(no batch)` group takes part
    /// like any batch. Same columns as `by_batch`.
    package var worstBatches: Table
    /// The fewest deliveries a batch needs to be ranked in ``worstBatches`` (a smaller
    /// batch's rate is noise).
    package var worstBatchMinimumDeliveries: Int
    /// Undeliverable plus failed deliveries over the whole report (a KPI tile of the
    /// summary page).
    package var undeliverableOrFailed: Int
    /// Each operator's figures, in `by_operator` order: what alerts check.
    package var operators: [(name: String, statistics: GroupStatistics)]
    /// Delivered and deliveries per operator and day of the report, ordered by day, then
    /// operator: the report's part of the operators' sparklines.
    package var operatorDays: [OperatorDayCount]
    /// How many batches ``worstBatches`` lists at most.
    package static let worstBatchLimit = 10

    package init(worstBatches: Table, worstBatchMinimumDeliveries: Int, undeliverableOrFailed: Int,
                operators: [(name: String, statistics: GroupStatistics)], operatorDays: [OperatorDayCount]) {
        self.worstBatches = worstBatches
        self.worstBatchMinimumDeliveries = worstBatchMinimumDeliveries
        self.undeliverableOrFailed = undeliverableOrFailed
        self.operators = operators
        self.operatorDays = operatorDays
    }
}

/// One operator's deliveries on one day.
package struct OperatorDayCount: Sendable, Equatable {
    package var day: LocalDay
    package var operatorName: String
    package var deliveries: Int
    package var delivered: Int

    package init(day: LocalDay, operatorName: String, deliveries: Int, delivered: Int) {
        self.day = day
        self.operatorName = operatorName
        self.deliveries = deliveries
        self.delivered = delivered
    }
}
