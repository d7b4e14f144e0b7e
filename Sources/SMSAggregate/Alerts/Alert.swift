import SMSCore

/// One alert raised for a report's period (contract §10): a row of the `alerts` table.
package struct Alert: Sendable, Equatable {
    /// What the alert is about: the whole account, or one operator.
    package enum Scope: Sendable, Equatable, Hashable {
        case account
        case operatorName(String)

        /// `account` or `operator`, the table's `scope` column.
        package var name: String {
            switch self {
            case .account: "account"
            case .operatorName: "operator"
            }
        }

        /// The operator, or empty for the account.
        package var operatorName: String {
            switch self {
            case .account: ""
            case .operatorName(let name): name
            }
        }
    }

    /// Which figure moved.
    package enum Metric: String, Sendable, Equatable {
        case deliveryRate = "delivery_rate"
        case latencyP95 = "latency_p95_s"
    }

    package var scope: Scope
    package var metric: Metric
    /// The period's value: a rate for ``Metric/deliveryRate``, seconds for ``Metric/latencyP95``.
    package var periodValue: KPIValue
    package var baselineValue: KPIValue
    /// Period minus baseline, in the same kind as the values.
    package var change: KPIChange
    /// The group's deliveries in the period.
    package var deliveries: Int
    /// The group's deliveries over the baseline days.
    package var baselineDeliveries: Int
    /// The two-proportion z statistic; nil for latency.
    package var z: Double?
    /// One sentence saying what happened, e.g. `NCELL delivery rate 80.1% vs 90.3% over the 14-day baseline`.
    package var message: String

    package init(scope: Scope, metric: Metric, periodValue: KPIValue, baselineValue: KPIValue, change: KPIChange,
                deliveries: Int, baselineDeliveries: Int, z: Double?, message: String) {
        self.scope = scope
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
