import SMSCore

/// What a billing export needs besides the deliveries: who is billed, at which
/// prices, and which months get an invoice.
package struct BillingOptions: Sendable {
    /// The account billed: the config's account name, else `--account`, else `default`.
    package var account: String
    /// The prices, currency and billable statuses.
    package var rateCard: RateCard
    /// Months that get an invoice even when they have no deliveries (a zero invoice):
    /// the month of `billing --month`, or the months a report's period covers.
    /// Months with deliveries always get one.
    package var months: [LocalMonth]

    /// The account of a billing run without a config and without `--account`.
    package static let defaultAccount = "default"

    /// The months of a report period: every month from `from`'s to `to`'s when both
    /// are given, else none (then only months with deliveries are billed).
    package static func months(from: LocalDay?, to: LocalDay?) -> [LocalMonth] {
        guard let from, let to else { return [] }
        return LocalMonth.months(from: LocalMonth(containing: from), through: LocalMonth(containing: to))
    }

    /// Bills `account` with `rateCard`; `months` get an invoice even without deliveries.
    package init(account: String = BillingOptions.defaultAccount, rateCard: RateCard, months: [LocalMonth] = []) {
        self.account = account
        self.rateCard = rateCard
        self.months = months
    }
}
