/// The view model of `report.txt`, the plain-text alternative of the HTML page:
/// the same header and KPIs, and the by_day and by_operator tables, each already
/// laid out as aligned lines. Field names are what `report.txt.mustache` uses.
package struct TextReportView {
    package let header: ReportHeaderView
    /// One aligned line per KPI: label, value, detail.
    package let kpis: [String]
    /// `by_day` as aligned lines (header, rule, rows).
    package let byDay: [String]
    /// `by_operator` as aligned lines (header, rule, rows).
    package let byOperator: [String]
    /// One aligned line per data-quality check with a count above 0; empty means no issues found.
    package let dataQualityIssues: [String]

    package init(_ page: HTMLReportView) {
        header = page.header
        let tiles = [page.kpis.deliveries, page.kpis.delivered, page.kpis.deliveryRate, page.kpis.latencyP50,
                     page.kpis.latencyP95, page.kpis.undeliverableOrFailed]
        kpis = Self.stripRule(TextTable.lines(header: ["", "", ""], rows: tiles.map { [$0.label, $0.value, $0.detail] },
                                              rightAligned: [false, true, false]))
        let groupHeader = ["deliveries", "delivered", "undeliverable", "failed", "rate", "p50", "p95"]
        let groupCells = { (row: HTMLReportView.GroupRow) in
            [row.deliveries, row.delivered, row.undeliverable, row.failed, row.deliveryRate, row.latencyP50, row.latencyP95]
        }
        let alignment = [false] + Array(repeating: true, count: groupHeader.count)
        byDay = TextTable.lines(header: ["day"] + groupHeader, rows: page.byDay.map { [$0.key] + groupCells($0) },
                                rightAligned: alignment)
        byOperator = TextTable.lines(header: ["operator"] + groupHeader,
                                     rows: page.byOperator.map { [$0.key] + groupCells($0) }, rightAligned: alignment)
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
