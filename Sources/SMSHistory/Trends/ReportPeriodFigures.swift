import SMSAggregate
import SMSCore

/// What ``ReportTrendsReader`` takes of a report: its period, totals, operators and
/// per-day operator counts.
package struct ReportPeriodFigures: Sendable {
    /// The report's days; nil when it has no period (no deliveries and no `--from`/`--to`).
    package var days: ClosedRange<LocalDay>?
    package var totals: GroupStatistics
    /// In `by_operator` order.
    package var operators: [(name: String, statistics: GroupStatistics)]
    package var operatorDays: [OperatorDayCount]

    package init(days: ClosedRange<LocalDay>?, totals: GroupStatistics,
                 operators: [(name: String, statistics: GroupStatistics)], operatorDays: [OperatorDayCount]) {
        self.days = days
        self.totals = totals
        self.operators = operators
        self.operatorDays = operatorDays
    }

    /// The figures of a report's tables.
    package init(_ tables: ReportTables) {
        let from = tables.figures.periodFrom, to = tables.figures.periodTo
        self.init(days: from.flatMap { first in to.flatMap { first <= $0 ? first...$0 : nil } },
                  totals: tables.figures.totals, operators: tables.highlights.operators,
                  operatorDays: tables.highlights.operatorDays)
    }
}
