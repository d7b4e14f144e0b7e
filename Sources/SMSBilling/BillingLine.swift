import Foundation

/// One operator's line of a monthly invoice (a row of the `billing` table, contract §7).
public struct BillingLine: Sendable, Equatable {
    /// The operator, as the reports name it (`NTC`, `OTHER`, `INVALID`, …).
    public var operatorName: String
    /// Deliveries to the operator in the month, whatever their status.
    public var deliveries: Int
    /// Deliveries whose status the rate card bills.
    public var billableDeliveries: Int
    /// Segments of every delivery (each recipient pays its message's segments).
    public var segments: Int
    /// Segments of the billable deliveries.
    public var billableSegments: Int
    /// The price per segment, as the card gives it.
    public var rate: Price
    /// `billableSegments × rate`, rounded half to even to 2 places.
    public var amount: Decimal
    /// True when the card names no price for this operator and its `default` was used.
    public var usesDefaultPrice: Bool

    /// A line whose amount is computed from its billable segments and rate.
    public init(operatorName: String, deliveries: Int, billableDeliveries: Int, segments: Int,
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
