/// The view model of `report.txt`, the plain-text alternative of the HTML page:
/// the same header, alerts and KPIs, and the by_day and by_operator tables, each
/// already laid out as aligned lines. Field names are what `report.txt.mustache` uses.
package struct TextReportView {
    package let header: ReportHeaderView
    /// The alerts section, each message and note on one line; nil for a report made
    /// without a store.
    package let alerts: HTMLReportView.AlertsSection?
    /// One aligned line per KPI (label, value, detail), each followed by one line per
    /// change against an earlier period, under the detail column.
    package let kpis: [String]
    /// `by_day` as aligned lines (header, rule, rows).
    package let byDay: [String]
    /// `by_operator` as aligned lines (header, rule, rows).
    package let byOperator: [String]
    /// One aligned line per data-quality check with a count above 0; empty means no issues found.
    package let dataQualityIssues: [String]

    package init(_ page: HTMLReportView) {
        header = page.header
        alerts = page.alerts.map { section in
            HTMLReportView.AlertsSection(
                raised: section.raised.map { HTMLReportView.RaisedAlerts(heading: $0.heading,
                                                                         messages: $0.messages.map(Self.oneLine)) },
                allClear: section.allClear, notes: section.notes.map(Self.oneLine))
        }
        let tiles = [page.kpis.deliveries, page.kpis.delivered, page.kpis.deliveryRate, page.kpis.latencyP50,
                     page.kpis.latencyP95, page.kpis.undeliverableOrFailed]
        let kpiRows = tiles.flatMap { tile in [[tile.label, tile.value, tile.detail]] + tile.changes.map { ["", "", $0.text] } }
        kpis = Self.stripRule(TextTable.lines(header: ["", "", ""], rows: kpiRows, rightAligned: [false, true, false]))
        let groupHeader = ["deliveries", "delivered", "undeliverable", "failed", "rate", "p50", "p95"]
        let groupCells = { (row: HTMLReportView.GroupRow) in
            [row.deliveries, row.delivered, row.undeliverable, row.failed, row.deliveryRate, row.latencyP50, row.latencyP95]
        }
        let alignment = [false] + Array(repeating: true, count: groupHeader.count)
        byDay = TextTable.lines(header: ["day"] + groupHeader, rows: page.byDay.map { [$0.key] + groupCells($0) },
                                rightAligned: alignment)
        let sparklineHeader = page.operatorSparklines.map { [$0.heading] } ?? []
        byOperator = TextTable.lines(
            header: ["operator"] + groupHeader + sparklineHeader,
            rows: page.byOperator.map { row in
                [row.key] + groupCells(row) + (sparklineHeader.isEmpty ? [] : [row.sparkline?.blocks ?? DisplayFormat.missing])
            },
            rightAligned: alignment + sparklineHeader.map { _ in false })
        dataQualityIssues = Self.stripRule(TextTable.lines(
            header: ["", "", ""], rows: (page.dataQuality?.issues ?? []).map { [$0.check, $0.count, Self.oneLine($0.example)] },
            rightAligned: [false, true, false]))
    }

    /// The rows of a header-less layout.
    private static func stripRule(_ lines: [String]) -> [String] {
        Array(lines.dropFirst(2))
    }

    /// API text on one line, so that it cannot break the layout of the lines around it.
    private static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }
}
