/// What a bar chart shows, before layout: categories along the x axis and one or
/// more series stacked on each category. Values come straight from table cells.
public struct BarChart: Sendable {
    /// One stacked layer: a status, or the single series of a plain bar chart.
    public struct Series: Sendable {
        /// The legend's name for the series.
        public var name: String
        /// Fill colour, `#RRGGBB`.
        public var color: String
        /// One value per category (a count, or a fraction for a rate axis).
        public var values: [Double]
        /// One formatted value per category, for the bar's hover title.
        public var labels: [String]

        public init(name: String, color: String, values: [Double], labels: [String]) {
            self.name = name
            self.color = color
            self.values = values
            self.labels = labels
        }
    }

    /// How the value axis is scaled.
    public enum ValueAxis: Sendable {
        /// Counts: from 0 to a round number at or above the tallest bar.
        case count
        /// Fractions: always 0 % to 100 %.
        case fraction
    }

    /// The chart's accessible title.
    public var title: String
    /// The category labels, left to right.
    public var categories: [String]
    /// The stacked series, bottom to top.
    public var series: [Series]
    /// How the value axis is scaled: counts or fractions.
    public var valueAxis: ValueAxis
    /// The value axis' title, e.g. `deliveries`.
    public var valueAxisTitle: String
    /// Text written above each bar (e.g. the day's total), or nil for none.
    public var barTopLabels: [String]?
    /// Whether to draw a legend of the series.
    public var showsLegend: Bool
    /// Per-category colour overrides for a single-series chart, or nil.
    public var barColors: [String]?

    public init(title: String, categories: [String], series: [Series], valueAxis: ValueAxis,
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
