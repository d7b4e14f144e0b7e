import Foundation

/// One operator's line of a monthly invoice (a row of the `billing` table, contract §7).
package struct BillingLine: Sendable, Equatable {
    /// The operator, as the reports name it (`NTC`, `OTHER`, `INVALID`, …).
    package var operatorName: String
    /// Deliveries to the operator in the month, whatever their status.
    package var deliveries: Int
    /// Deliveries whose status the rate card bills.
    package var billableDeliveries: Int
    /// Segments of every delivery (each recipient pays its message's segments).
    package var segments: Int
    /// Segments of the billable deliveries.
    package var billableSegments: Int
    /// The price per segment, as the card gives it.
    package var rate: Price
    /// `billableSegments × rate`, rounded half to even to 2 places.
    package var amount: Decimal
    /// True when the card names no price for this operator and its `default` was used.
    package var usesDefaultPrice: Bool

    /// A line whose amount is computed from its billable segments and rate.
    package init(operatorName: String, deliveries: Int, billableDeliveries: Int, segments: Int,
                billableSegments: Int, rate: Price, usesDefaultPrice: Bool) {
        self.operatorName = operatorName
        self.deliveries = deliveries
        self.billableDeliveries = billableDeliveries
        self.segments = segments
        self.billableSegments = billableSegments
        self.rate = rate
        self.amount = Money.amount(segments: billableSegments, at: rate)
        self.usesDefaultPrice = usesDefaultPrice
    }
}
