import SMSCore
import XLSXWriter

/// The first sheet of `history.xlsx`, `summary`: what the history covers (account,
/// range, bucketing, grouping), how many days are stored and complete, the days the
/// store lacks and those pruned (or `none`), and which groups the charts leave out.
/// The charts are placed beside it by ``XLSXHistoryCharts``.
///
/// Rows are written top to bottom, so the sheet can live in a constant-memory workbook.
package struct XLSXHistorySummarySheet {
    /// The sheet's name.
    package static let name = "summary"
    /// The column the charts start at, right of the facts.
    package static let chartColumn = 3

    private let workbook: XLSXWorkbook

    package init(workbook: XLSXWorkbook) {
        self.workbook = workbook
    }

    /// Adds and fills the sheet.
    package func write(_ document: HistoryDocument, chartData: HistoryChartData) throws(XLSXError) -> XLSXWorksheet {
        let sheet = try workbook.addWorksheet(named: Self.name)
        let title = try workbook.addFormat(XLSXStyle(bold: true, fontSize: 16))
        let label = try workbook.addFormat(XLSXStyle(bold: true))
        let integer = try workbook.addFormat(XLSXStyle(numberFormat: "#,##0"))
        let alert = try workbook.addFormat(XLSXCellStyle.alert.style ?? XLSXStyle(bold: true))

        try sheet.writeText("SMS delivery history", row: 0, column: 0, format: title)
        var clock = LocalClock(timeZone: document.timeZone)
        let facts: [(String, String)] = [
            ("Account", document.account),
            ("Range", document.rangeText),
            ("Bucketing", document.bucketingText),
            ("Grouped by", document.groupColumn ?? "none"),
            ("Timezone", document.timeZone.identifier),
            ("Generated", clock.iso8601(document.generatedAt)),
        ]
        var row = 2
        for (name, value) in facts {
            try sheet.writeText(name, row: row, column: 0, format: label)
            try sheet.writeText(value, row: row, column: 1)
            row += 1
        }
        for (name, count) in [("Stored days", document.storedDays), ("Complete days", document.completeDays)] {
            try sheet.writeText(name, row: row, column: 0, format: label)
            try sheet.writeNumber(Double(count), row: row, column: 1, format: integer)
            row += 1
        }
        let lists: [(String, [String])] = [
            ("Missing days", document.missingDays.map(\.description)),
            ("Pruned days", document.prunedDays.map(\.description)),
            ("Groups not charted", chartData.notDrawn),
        ]
        for (name, items) in lists {
            try sheet.writeText(name, row: row, column: 0, format: label)
            try sheet.writeText(items.isEmpty ? "none" : items.joined(separator: ", "), row: row, column: 1,
                                format: items.isEmpty || name == "Groups not charted" ? nil : alert)
            row += 1
        }
        row += 1
        for note in Self.notes(chartData) {
            try sheet.writeText(note, row: row, column: 0)
            row += 1
        }
        try sheet.setColumnWidth(20, columns: 0...0)
        try sheet.setColumnWidth(40, columns: 1...1)
        // Landscape whatever the facts' width: the charts beside them are wide.
        try XLSXPrintLayout.apply(to: sheet, widthPixels: .max, repeatedRow: nil)
        if !document.missingDays.isEmpty {
            try sheet.setTabColor(XLSXColor(rgb: 0xC00000))
        }
        return sheet
    }

    /// What a reader of the figures should know.
    private static func notes(_ chartData: HistoryChartData) -> [String] {
        var notes = [
            "Missing days are not in any figure: they are not counted as zero.",
            "Latency percentiles come from the store's sketches, within 1% (latency_quantiles = approx-1%).",
        ]
        if !chartData.notDrawn.isEmpty {
            notes.append("The charts draw the \(HistoryChartData.maximumSeries) groups with the most deliveries; "
                         + "the history sheet holds every group.")
        }
        return notes
    }
}
