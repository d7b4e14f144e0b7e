import SMSCore

/// An alert raised for an account's period (contract §10), as the store keeps it.
/// Values are in the `alerts` table's CSV formats (contract §4).
package struct StoredAlert: Sendable, Equatable {
    package var account: String
    package var period: String
    package var raisedAt: Instant
    /// `account` or `operator`.
    package var scope: String
    /// The operator when ``scope`` is `operator`; empty otherwise.
    package var operatorName: String
    /// `delivery_rate` or `latency_p95_s`.
    package var metric: String
    package var periodValue: String
    package var baselineValue: String
    package var change: String
    package var deliveries: Int
    package var baselineDeliveries: Int
    /// Empty for latency alerts.
    package var z: String
    package var message: String

    package init(account: String, period: String, raisedAt: Instant, scope: String, operatorName: String,
                 metric: String, periodValue: String, baselineValue: String, change: String, deliveries: Int,
                 baselineDeliveries: Int, z: String, message: String) {
        self.account = account
        self.period = period
        self.raisedAt = raisedAt
        self.scope = scope
        self.operatorName = operatorName
        self.metric = metric
        self.periodValue = periodValue
        self.baselineValue = baselineValue
        self.change = change
        self.deliveries = deliveries
        self.baselineDeliveries = baselineDeliveries
        self.z = z
        self.message = message
    }
}
