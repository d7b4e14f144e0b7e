import Foundation
import SMSCore

/// One account's bill for one month: a line per operator with deliveries, ordered by
/// operator name, and totals that sum the counts and the rounded amounts (contract §7).
package struct Invoice: Sendable, Equatable {
    /// The account billed.
    package let account: String
    /// The month billed (`YYYY-MM` of the deliveries' local day).
    package let month: LocalMonth
    /// The currency of every amount.
    package let currency: String
    /// The operator lines, ordered by operator name (byte order).
    package let lines: [BillingLine]
    /// The sum of the lines' deliveries.
    package let deliveries: Int
    /// The sum of the lines' billable deliveries.
    package let billableDeliveries: Int
    /// The sum of the lines' segments.
    package let segments: Int
    /// The sum of the lines' billable segments.
    package let billableSegments: Int
    /// The sum of the lines' rounded amounts: the amount due.
    package let amount: Decimal

    /// An invoice of `lines` (sorted here by operator name), with its totals.
    package init(account: String, month: LocalMonth, currency: String, lines: [BillingLine]) {
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
