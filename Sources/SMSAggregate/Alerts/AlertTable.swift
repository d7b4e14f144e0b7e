import Foundation
import SMSCore

/// The `alerts` table of contract §4 and §10.
package enum AlertTable {
    package static let columns: [Column] = [
        Column("scope", .text), Column("operator", .text), Column("metric", .text),
        Column("period_value", .mixed), Column("baseline_value", .mixed), Column("change", .mixed),
        Column("deliveries", .integer), Column("baseline_deliveries", .integer), Column("z", .number),
        Column("message", .text),
    ]

    /// One row per alert, in the alerts' order (scope, then operator).
    package static func table(_ alerts: [Alert]) -> Table {
        Table(name: "alerts", columns: columns, rows: alerts.map { alert in
            [.text(alert.scope.name), .text(alert.scope.operatorName), .text(alert.metric.rawValue),
             cell(alert.periodValue), cell(alert.baselineValue), cell(alert.change),
             .integer(alert.deliveries), .integer(alert.baselineDeliveries),
             alert.z.map { .number(zText($0)) } ?? .empty, .text(alert.message)]
        })
    }

    /// `z` with 3 decimals, as the table writes it.
    package static func zText(_ z: Double) -> String {
        String(format: "%.3f", z)
    }

    /// A KPI value as a table cell.
    package static func cell(_ value: KPIValue) -> Cell {
        switch value {
        case .count(let count): .integer(count)
        case .rate(let ratio): .rate(ratio)
        case .seconds(let microseconds): .seconds(microseconds)
        }
    }

    /// A change as a table cell; empty for no data.
    package static func cell(_ change: KPIChange) -> Cell {
        switch change {
        case .noData: .empty
        case .count(let count): .integer(count)
        case .rate(let ratio): .rate(ratio)
        case .seconds(let microseconds): .seconds(microseconds)
        }
    }
}
