import SMSAggregate
import SMSCore
import SMSStore

extension StoredAlert {
    /// The store's row of `alert`, raised for `account`'s `period` (its folder name) at
    /// `raisedAt`, with the values in the `alerts` table's CSV formats (contract §4).
    package init(_ alert: Alert, account: String, period: String, raisedAt: Instant) {
        self.init(account: account, period: period, raisedAt: raisedAt, scope: alert.scope.name,
                  operatorName: alert.scope.operatorName, metric: alert.metric.rawValue,
                  periodValue: Self.text(AlertTable.cell(alert.periodValue)),
                  baselineValue: Self.text(AlertTable.cell(alert.baselineValue)),
                  change: Self.text(AlertTable.cell(alert.change)), deliveries: alert.deliveries,
                  baselineDeliveries: alert.baselineDeliveries, z: alert.z.map(AlertTable.zText) ?? "",
                  message: alert.message)
    }

    /// A value cell as CSV text.
    private static func text(_ cell: Cell) -> String {
        switch cell {
        case .rate(let ratio): DecimalText.format(ratio)
        case .seconds(let microseconds): SecondsText.format(microseconds)
        case .integer(let count): String(count)
        default: ""
        }
    }
}
