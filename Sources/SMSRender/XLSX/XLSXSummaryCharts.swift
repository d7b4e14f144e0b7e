import XLSXWriter
import SMSCore
import SMSAggregate

/// The Summary sheet's native charts (contract §5), each drawn by Excel from the
/// cells of a table's sheet: deliveries by day stacked by status (by_day),
/// delivery rate by operator (by_operator) and the latency histogram
/// (latency_histogram). A chart whose table has no rows is left out.
package struct XLSXSummaryCharts {
    package let workbook: XLSXWorkbook
    /// Every title says so when the data is incomplete, so that a chart copied out
    /// of the workbook still does.
    package let isComplete: Bool
    /// Data rows on a table's first sheet, the one the charts read.
    package let rowsPerSheet: Int

    /// The charts' width: deliveries by day across it, the other two side by side.
    package static let widthPixels = 768
    /// Each chart's height.
    package static let heightPixels = 274
    /// The gap between the two charts side by side.
    private static let gapPixels = 10

    /// Adds the charts and places them beside the summary table, from `firstRow` down
    /// in column D: deliveries by day, then the other two side by side. Each band of
    /// charts prints on one landscape page (``XLSXPrintLayout/stack(bandHeights:from:keepTogetherUntil:)``),
    /// the table (`tableRows` rows with its header) whole on the first.
    package func insert(on summary: XLSXWorksheet, tables: ReportTables, firstRow: Int = 1,
                        tableRows: Int) throws(XLSXError) {
        let column = 3
        let (rows, breaks) = XLSXPrintLayout.stack(bandHeights: [Self.heightPixels, Self.heightPixels], from: firstRow,
                                                   keepTogetherUntil: tableRows)
        let height = Double(Self.heightPixels) / 288
        let halfWidth = (Self.widthPixels - Self.gapPixels) / 2
        if let chart = try deliveriesByDay(tables.byDay) {
            try summary.insertChart(chart, row: rows[0], column: column,
                                    scale: (x: Double(Self.widthPixels) / 480, y: height))
        }
        var offset = 0
        for chart in [try deliveryRateByOperator(tables.byOperator), try latencyHistogram(tables.latencyHistogram)] {
            guard let chart else { continue }
            try summary.insertChart(chart, row: rows[1], column: column, offset: (x: offset, y: 0),
                                    scale: (x: Double(halfWidth) / 480, y: height))
            offset += halfWidth + Self.gapPixels
        }
        try summary.setLandscape()
        try summary.setHorizontalPageBreaks(breaks)
    }

    private func deliveriesByDay(_ table: Table) throws(XLSXError) -> XLSXChart? {
        guard let rows = dataRows(table), let dayColumn = table.columnIndex("day") else { return nil }
        let chart = try workbook.addChart(.stackedColumn)
        try chart.setTitle(title("Deliveries by day"))
        for status in DeliveryStatus.allCases {
            guard let column = table.columnIndex(status.rawValue) else { continue }
            try chart.addSeries(values: XLSXCellRange(sheet: table.name, column: column, rows: rows),
                                categories: XLSXCellRange(sheet: table.name, column: dayColumn, rows: rows),
                                name: (sheet: table.name, row: 0, column: column),
                                color: Self.color(of: status))
        }
        try chart.setAxis(.category, numberFormat: "yyyy-mm-dd")
        try chart.setAxis(.value, title: "deliveries", minimum: 0)
        try chart.setLegend(visible: true)
        return chart
    }

    private func deliveryRateByOperator(_ table: Table) throws(XLSXError) -> XLSXChart? {
        guard let rows = dataRows(table), let operatorColumn = table.columnIndex("operator"),
              let rateColumn = table.columnIndex("delivery_rate") else { return nil }
        let chart = try workbook.addChart(.column)
        try chart.setTitle(title("Delivery rate by operator"))
        try chart.addSeries(values: XLSXCellRange(sheet: table.name, column: rateColumn, rows: rows),
                            categories: XLSXCellRange(sheet: table.name, column: operatorColumn, rows: rows),
                            name: (sheet: table.name, row: 0, column: rateColumn),
                            color: Self.color(of: .delivered))
        try chart.setAxis(.value, title: "delivered ÷ deliveries", numberFormat: "0%", minimum: 0, maximum: 1)
        try chart.setLegend(visible: false)
        return chart
    }

    private func latencyHistogram(_ table: Table) throws(XLSXError) -> XLSXChart? {
        guard let rows = dataRows(table), let bucketColumn = table.columnIndex("bucket"),
              let countColumn = table.columnIndex("deliveries") else { return nil }
        let chart = try workbook.addChart(.column)
        try chart.setTitle(title("Latency (delivered_at − sent_at)"))
        try chart.addSeries(values: XLSXCellRange(sheet: table.name, column: countColumn, rows: rows),
                            categories: XLSXCellRange(sheet: table.name, column: bucketColumn, rows: rows),
                            name: (sheet: table.name, row: 0, column: countColumn),
                            color: XLSXColor(rgb: StatusPalette.neutralRGB))
        try chart.setAxis(.value, title: "deliveries", minimum: 0)
        try chart.setLegend(visible: false)
        return chart
    }

    /// Rows 1… of the table's first sheet that hold data; nil when it has none.
    private func dataRows(_ table: Table) -> ClosedRange<Int>? {
        table.rowCount == 0 ? nil : 1...min(table.rowCount, rowsPerSheet)
    }

    private func title(_ text: String) -> String {
        isComplete ? text : "\(text) — INCOMPLETE data"
    }

    /// Each status's colour, the same as on the HTML page (``StatusPalette``).
    private static func color(of status: DeliveryStatus) -> XLSXColor {
        XLSXColor(rgb: StatusPalette.rgb(of: status))
    }
}
