import SMSCore

/// The two charts of `history.html`, from the table's cells as ``HistoryChartData``
/// arranges them: a line of delivery rate per bucket for each group drawn, and a
/// column of deliveries per bucket, stacked by group when grouped.
package enum HistoryPageCharts {
    /// The delivery-rate chart.
    package static func deliveryRate(_ document: HistoryDocument, _ data: HistoryChartData) -> LineChart {
        LineChart(
            title: document.chartTitle("Delivery rate per \(document.bucketing)"), categories: data.buckets,
            series: data.series.map { series in
                LineChart.Series(name: series.group ?? "delivery rate", color: StatusPalette.hex(series.rgb),
                                 values: series.deliveryRates.map(fraction),
                                 labels: series.deliveryRates.map { HistoryCellText.display($0, timeZone: document.timeZone) })
            },
            valueAxisTitle: "delivery rate", showsLegend: document.groupColumn != nil)
    }

    /// The deliveries chart.
    package static func deliveries(_ document: HistoryDocument, _ data: HistoryChartData) -> BarChart {
        let grouped = document.groupColumn != nil
        let series = data.series.map { series in
            BarChart.Series(name: series.group ?? "deliveries", color: StatusPalette.hex(series.rgb),
                            values: series.deliveries.map(count),
                            labels: series.deliveries.map { HistoryCellText.display($0, timeZone: document.timeZone) })
        }
        return BarChart(title: document.chartTitle("Deliveries per \(document.bucketing)"), categories: data.buckets,
                        series: series, valueAxis: .count, valueAxisTitle: "deliveries",
                        barTopLabels: grouped ? nil : series.first?.labels, showsLegend: grouped)
    }

    /// A rate cell's fraction; nil for an empty cell or a rate of nothing.
    private static func fraction(_ cell: Cell) -> Double? {
        guard case .rate(let ratio) = cell, ratio.denominator != 0 else { return nil }
        return ratio.value
    }

    /// A count cell's value; 0 where the group has no row in the bucket.
    private static func count(_ cell: Cell) -> Double {
        guard case .integer(let value) = cell else { return 0 }
        return Double(value)
    }
}
