import SMSCore
import XLSXWriter

/// The native charts of `history.xlsx` (contract §9), drawn by Excel from the
/// workbook's cells: a line chart of delivery rate per bucket and a column chart of
/// deliveries per bucket.
///
/// An ungrouped history is charted straight from the `history` sheet. A grouped one
/// needs a series per group, and a series reads one contiguous range, while the
/// history's rows interleave the groups (by bucket, then group); so its charts read
/// two sheets that copy the table's cells bucket × group (``pivotTables(_:)``), one
/// column per group drawn. Columns of deliveries are then stacked by group.
package struct XLSXHistoryCharts {
    /// The sheet of the copied `deliveries` cells of a grouped history.
    package static let deliveriesSheet = "chart deliveries"
    /// The sheet of the copied `delivery_rate` cells of a grouped history.
    package static let deliveryRatesSheet = "chart delivery rate"

    package let workbook: XLSXWorkbook
    package let document: HistoryDocument
    package let chartData: HistoryChartData
    /// Data rows on a table's first sheet, the one the charts read.
    package let rowsPerSheet: Int

    /// The sheets a grouped history's charts read: bucket, then one column per group
    /// drawn, each cell a copy of the history's; none for an ungrouped history.
    package static func pivotTables(_ chartData: HistoryChartData, grouped: Bool) -> [Table] {
        guard grouped else { return [] }
        let columns = chartData.series.map { $0.group ?? "" }
        let buckets = chartData.buckets
        let series = chartData.series
        return [
            Table(name: deliveriesSheet, columns: [Column("bucket", .text)] + columns.map { Column($0, .integer) },
                  rowCount: buckets.count) { row in [.text(buckets[row])] + series.map { $0.deliveries[row] } },
            Table(name: deliveryRatesSheet, columns: [Column("bucket", .text)] + columns.map { Column($0, .rate) },
                  rowCount: buckets.count) { row in [.text(buckets[row])] + series.map { $0.deliveryRates[row] } },
        ]
    }

    /// Adds the charts beside the summary's facts, one under the other, each on one
    /// printed page (``XLSXPrintLayout/stack(bandHeights:from:keepTogetherUntil:)``);
    /// none when the history has no rows.
    package func insert(on summary: XLSXWorksheet) throws(XLSXError) {
        guard document.table.rowCount > 0 else { return }
        let size = (x: Double(XLSXSummaryCharts.widthPixels) / 480, y: Double(XLSXSummaryCharts.heightPixels) / 288)
        let height = XLSXSummaryCharts.heightPixels
        let (rows, breaks) = XLSXPrintLayout.stack(bandHeights: [height, height], from: 1, keepTogetherUntil: 0)
        let rate = try chart(.line, title: "Delivery rate per \(document.bucketing)", column: "delivery_rate",
                             pivotSheet: Self.deliveryRatesSheet)
        try rate.setAxis(.value, title: "delivered ÷ deliveries", numberFormat: "0%", minimum: 0, maximum: 1)
        try summary.insertChart(rate, row: rows[0], column: XLSXHistorySummarySheet.chartColumn, scale: size)
        let deliveries = try chart(document.groupColumn == nil ? .column : .stackedColumn,
                                   title: "Deliveries per \(document.bucketing)", column: "deliveries",
                                   pivotSheet: Self.deliveriesSheet)
        try deliveries.setAxis(.value, title: "deliveries", minimum: 0)
        try summary.insertChart(deliveries, row: rows[1], column: XLSXHistorySummarySheet.chartColumn, scale: size)
        try summary.setHorizontalPageBreaks(breaks)
    }

    /// A chart of the history's `column`: from the history sheet, or, when grouped,
    /// one series per column of `pivotSheet`.
    private func chart(_ kind: XLSXChartKind, title: String, column: String,
                       pivotSheet: String) throws(XLSXError) -> XLSXChart {
        let chart = try workbook.addChart(kind)
        try chart.setTitle(document.chartTitle(title))
        if document.groupColumn == nil {
            let table = document.table
            let rows = 1...min(table.rowCount, rowsPerSheet)
            if let values = table.columnIndex(column), let bucket = table.columnIndex("bucket") {
                try chart.addSeries(values: XLSXCellRange(sheet: table.name, column: values, rows: rows),
                                    categories: XLSXCellRange(sheet: table.name, column: bucket, rows: rows),
                                    name: (sheet: table.name, row: 0, column: values),
                                    color: XLSXColor(rgb: chartData.series.first?.rgb ?? StatusPalette.neutralRGB))
            }
            try chart.setLegend(visible: false)
        } else {
            let rows = 1...max(chartData.buckets.count, 1)
            for (offset, series) in chartData.series.enumerated() {
                try chart.addSeries(values: XLSXCellRange(sheet: pivotSheet, column: offset + 1, rows: rows),
                                    categories: XLSXCellRange(sheet: pivotSheet, column: 0, rows: rows),
                                    name: (sheet: pivotSheet, row: 0, column: offset + 1),
                                    color: XLSXColor(rgb: series.rgb))
            }
            try chart.setLegend(visible: true)
        }
        return chart
    }
}
