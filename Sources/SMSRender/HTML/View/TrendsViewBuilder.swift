import SMSCore
import SMSAggregate

/// Builds the parts of ``HTMLReportView`` that come from the history store (contract
/// §10): the KPIs' changes, the alerts section and the operators' sparklines. It
/// formats what ``ReportTrends`` holds; it computes no figure.
package enum TrendsViewBuilder {
    /// The changes of `kpi` against each earlier period, in their order; empty without trends.
    package static func changes(of kpi: KPI, in trends: ReportTrends?) -> [HTMLReportView.ChangeLine] {
        guard let comparisons = trends?.comparisons else { return [] }
        return comparisons.earlier.map { period in
            let change = comparisons.change(kpi, since: period)
            let verdict = change.verdict(for: kpi)
            return HTMLReportView.ChangeLine(text: ChangeFormat.line(change, verdict: verdict, since: period.label),
                                             color: ChangeFormat.color(verdict))
        }
    }

    /// The alerts section of `findings`.
    package static func alerts(_ findings: AlertFindings) -> HTMLReportView.AlertsSection {
        let alerts = findings.alerts
        return HTMLReportView.AlertsSection(
            raised: alerts.isEmpty ? nil : HTMLReportView.RaisedAlerts(heading: "ALERTS (\(alerts.count))",
                                                                       messages: alerts.map(\.message)),
            allClear: alerts.isEmpty ? allClear(baselineDays: findings.baselineDays) : nil,
            notes: findings.notes)
    }

    /// `No alerts against the baseline of 14 stored days (2025-10-21 – 2025-11-03).`
    private static func allClear(baselineDays: [LocalDay]) -> String {
        guard let first = baselineDays.first, let last = baselineDays.last else {
            return "No alerts: no baseline day is stored."
        }
        let days = DisplayFormat.counted(baselineDays.count, "stored day", "stored days")
        return "No alerts against the baseline of \(days) (\(dayRange(first, last)))."
    }

    /// The sparkline cell of each operator that `trends` has one for, by operator name.
    package static func sparklines(_ trends: ReportTrends?) -> [String: HTMLReportView.SparklineCell] {
        var cells: [String: HTMLReportView.SparklineCell] = [:]
        for line in trends?.sparklines ?? [] where cells[line.operatorName] == nil {
            let sparkline = Sparkline(values: line.points.map { $0.rate?.value }, summary: summary(of: line))
            cells[line.operatorName] = HTMLReportView.SparklineCell(
                svg: SVGSparkline.svg(sparkline, color: StatusPalette.color(of: .delivered)),
                summary: sparkline.summary, blocks: SparklineBlocks.text(sparkline))
        }
        return cells
    }

    /// The by_operator column's heading, `last 14 days`; nil without trends.
    package static func sparklineColumn(_ trends: ReportTrends?) -> HTMLReportView.SparklineColumn? {
        trends.map { _ in HTMLReportView.SparklineColumn(heading: "last \(OperatorSparkline.days) days") }
    }

    /// `NCELL delivery rate by day, 2025-10-22 – 2025-11-04: first 91.2%, last 89.0%,
    /// lowest 80.1% on 2025-10-30; 2 days without data`.
    private static func summary(of line: OperatorSparkline) -> String {
        let days = line.points.first.map { dayRange($0.day, line.points[line.points.count - 1].day) } ?? ""
        let rated = line.points.compactMap { point in point.rate.map { (day: point.day, rate: $0) } }
        guard let first = rated.first, let last = rated.last,
              let lowest = rated.min(by: { $0.rate.value < $1.rate.value }) else {
            return "\(line.operatorName) delivery rate by day, \(days): no data"
        }
        let missing = line.points.count - rated.count
        let gaps = missing == 0 ? "" : "; " + DisplayFormat.counted(missing, "day", "days") + " without data"
        return "\(line.operatorName) delivery rate by day, \(days): first \(DisplayFormat.percent(first.rate)), "
            + "last \(DisplayFormat.percent(last.rate)), lowest \(DisplayFormat.percent(lowest.rate)) on \(lowest.day)"
            + gaps
    }

    /// `2025-10-21 – 2025-11-03`, or one day.
    private static func dayRange(_ first: LocalDay, _ last: LocalDay) -> String {
        first == last ? first.description : "\(first) – \(last)"
    }
}
