/// What a line chart shows, before layout: categories along the x axis and one line
/// per series through fractions 0–1 (rates). Values come straight from table cells;
/// a missing value leaves a gap in its line, never a drop to zero.
package struct LineChart: Sendable {
    /// One line.
    package struct Series: Sendable {
        /// The legend's name for the line.
        package var name: String
        /// Stroke colour, `#RRGGBB`.
        package var color: String
        /// One fraction per category, or nil where the series has none.
        package var values: [Double?]
        /// One formatted value per category, for the point's hover title.
        package var labels: [String]

        package init(name: String, color: String, values: [Double?], labels: [String]) {
            self.name = name
            self.color = color
            self.values = values
            self.labels = labels
        }
    }

    /// The chart's accessible title.
    package var title: String
    /// The category labels, left to right.
    package var categories: [String]
    /// The lines.
    package var series: [Series]
    /// The value axis' title, e.g. `delivery rate`.
    package var valueAxisTitle: String
    /// Whether to draw a legend of the series.
    package var showsLegend: Bool

    package init(title: String, categories: [String], series: [Series], valueAxisTitle: String, showsLegend: Bool) {
        self.title = title
        self.categories = categories
        self.series = series
        self.valueAxisTitle = valueAxisTitle
        self.showsLegend = showsLegend
    }

    /// A bar chart with the same categories, series names and 0–100 % axis and no
    /// bar: its layout places this chart's axes, labels and legend, so that a line
    /// chart lines up with a bar chart of the same categories.
    package var frame: BarChart {
        BarChart(title: title, categories: categories,
                 series: series.map { BarChart.Series(name: $0.name, color: $0.color,
                                                      values: Array(repeating: 0, count: categories.count),
                                                      labels: $0.labels) },
                 valueAxis: .fraction, valueAxisTitle: valueAxisTitle, showsLegend: showsLegend)
    }
}
