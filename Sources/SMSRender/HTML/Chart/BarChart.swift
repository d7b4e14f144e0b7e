/// What a bar chart shows, before layout: categories along the x axis and one or
/// more series stacked on each category. Values come straight from table cells.
package struct BarChart: Sendable {
    /// One stacked layer: a status, or the single series of a plain bar chart.
    package struct Series: Sendable {
        /// The legend's name for the series.
        package var name: String
        /// Fill colour, `#RRGGBB`.
        package var color: String
        /// One value per category (a count, or a fraction for a rate axis).
        package var values: [Double]
        /// One formatted value per category, for the bar's hover title.
        package var labels: [String]

        package init(name: String, color: String, values: [Double], labels: [String]) {
            self.name = name
            self.color = color
            self.values = values
            self.labels = labels
        }
    }

    /// How the value axis is scaled.
    package enum ValueAxis: Sendable {
        /// Counts: from 0 to a round number at or above the tallest bar.
        case count
        /// Fractions: always 0 % to 100 %.
        case fraction
    }

    /// The chart's accessible title.
    package var title: String
    /// The category labels, left to right.
    package var categories: [String]
    /// The stacked series, bottom to top.
    package var series: [Series]
    /// How the value axis is scaled: counts or fractions.
    package var valueAxis: ValueAxis
    /// The value axis' title, e.g. `deliveries`.
    package var valueAxisTitle: String
    /// Text written above each bar (e.g. the day's total), or nil for none.
    package var barTopLabels: [String]?
    /// Whether to draw a legend of the series.
    package var showsLegend: Bool
    /// Per-category colour overrides for a single-series chart, or nil.
    package var barColors: [String]?

    /// The chart in words, for a reader who cannot see it (the SVG's `aria-label`, the
    /// email image's alt text): the title, then each category with the text written
    /// above its bar (else its single series' label), e.g. `Deliveries by day:
    /// 2025-10-29 42, 2025-10-30 45`. The texts are the chart's own; nothing is computed.
    package var summary: String {
        guard !categories.isEmpty else { return "\(title): \(Self.emptyText)" }
        guard let values = barTopLabels ?? (series.count == 1 ? series[0].labels : nil) else { return title }
        return "\(title): " + zip(categories, values).map { "\($0) \($1)" }.joined(separator: ", ")
    }

    /// What an empty chart says in the middle of its plot.
    package static let emptyText = "no deliveries"

    package init(title: String, categories: [String], series: [Series], valueAxis: ValueAxis,
                valueAxisTitle: String, barTopLabels: [String]? = nil, showsLegend: Bool = false,
                barColors: [String]? = nil) {
        self.title = title
        self.categories = categories
        self.series = series
        self.valueAxis = valueAxis
        self.valueAxisTitle = valueAxisTitle
        self.barTopLabels = barTopLabels
        self.showsLegend = showsLegend
        self.barColors = barColors
    }
}
