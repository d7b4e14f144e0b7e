import SMSCore

/// The counts of one (month, operator) that an invoice line is priced from.
///
/// Filled from deliveries (a snapshot's billing) or from stored rollups (billing
/// from the history store); both price them with ``BillingAggregator/statement(tallies:billing:timeZone:generatedAt:)``,
/// so the two give the same `billing` table for the same deliveries.
package struct BillingTally: Sendable, Equatable {
    /// Deliveries, whatever their status.
    package var deliveries = 0
    /// Deliveries whose status the rate card bills.
    package var billableDeliveries = 0
    /// Segments of every delivery.
    package var segments = 0
    /// Segments of the billable deliveries.
    package var billableSegments = 0

    package init() {}

    /// Counts `count` deliveries of `segments` segments in all, billable or not.
    package mutating func add(deliveries count: Int, segments: Int, isBillable: Bool) {
        deliveries += count
        self.segments += segments
        if isBillable {
            billableDeliveries += count
            billableSegments += segments
        }
    }
}

/// The (month, operator) a ``BillingTally`` counts.
package struct BillingTallyKey: Hashable, Sendable {
    /// The month of the deliveries' local day.
    package var month: LocalMonth
    /// The operator, as reports name it.
    package var operatorName: String

    package init(month: LocalMonth, operatorName: String) {
        self.month = month
        self.operatorName = operatorName
    }
}
