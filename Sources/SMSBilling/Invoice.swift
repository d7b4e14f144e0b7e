import Foundation
import SMSCore

/// One account's bill for one month: a line per operator with deliveries, ordered by
/// operator name, and totals that sum the counts and the rounded amounts (contract §7).
public struct Invoice: Sendable, Equatable {
    /// The account billed.
    public let account: String
    /// The month billed (`YYYY-MM` of the deliveries' local day).
    public let month: LocalMonth
    /// The currency of every amount.
    public let currency: String
    /// The operator lines, ordered by operator name (byte order).
    public let lines: [BillingLine]
    /// The sum of the lines' deliveries.
    public let deliveries: Int
    /// The sum of the lines' billable deliveries.
    public let billableDeliveries: Int
    /// The sum of the lines' segments.
    public let segments: Int
    /// The sum of the lines' billable segments.
    public let billableSegments: Int
    /// The sum of the lines' rounded amounts: the amount due.
    public let amount: Decimal

    /// An invoice of `lines` (sorted here by operator name), with its totals.
    public init(account: String, month: LocalMonth, currency: String, lines: [BillingLine]) {
        self.account = account
        self.month = month
        self.currency = currency
        self.lines = lines.sorted { $0.operatorName.utf8.lexicographicallyPrecedes($1.operatorName.utf8) }
        deliveries = lines.reduce(0) { $0 + $1.deliveries }
        billableDeliveries = lines.reduce(0) { $0 + $1.billableDeliveries }
        segments = lines.reduce(0) { $0 + $1.segments }
        billableSegments = lines.reduce(0) { $0 + $1.billableSegments }
        amount = lines.reduce(Decimal(0)) { $0 + $1.amount }
    }
}
