/// The geometry of a ``BarChart``: where every bar, tick and label goes, in SVG user
/// units. Bar heights are proportional to their values on a value axis that starts
/// at 0; nothing is ever divided by zero, so an all-zero or one-category chart has
/// finite coordinates.
package struct BarChartLayout {
    /// One rectangle of one series on one category.
    package struct Bar: Equatable {
        package var category: Int
        package var series: Int
        package var x: Double
        package var y: Double
        package var width: Double
        package var height: Double
        package var color: String
        package var title: String
    }

    /// A value-axis tick and its gridline.
    package struct Tick: Equatable {
        package var y: Double
        package var label: String
    }

    /// A text label placed at (`x`, `y`), centred on `x`.
    package struct Label: Equatable {
        package var x: Double
        package var y: Double
        package var text: String
    }

    /// A legend entry: a swatch at (`x`, `y`) and the series name after it.
    package struct LegendEntry: Equatable {
        package var x: Double
        package var y: Double
        package var color: String
        package var name: String
    }

    package static let width = 720.0
    package static let plotHeight = 180.0
    package static let leftMargin = 64.0
    package static let rightMargin = 12.0
    package static let fontSize = 10.0
    /// Estimated width of one character at ``fontSize`` (proportional sans-serif).
    package static let characterWidth = 6.0
    package static let legendRowHeight = 20.0

    package let chart: BarChart
    package let height: Double
    package let plotLeft: Double
    package let plotTop: Double
    package let plotWidth: Double
    /// The value at the top of the value axis (> 0).
    package let axisMaximum: Double
    package let bars: [Bar]
    package let ticks: [Tick]
    package let categoryLabels: [Label]
    package let barTopLabels: [Label]
    package let legend: [LegendEntry]

    package init(_ chart: BarChart) {
        self.chart = chart
        let legend = chart.showsLegend ? Self.legend(for: chart.series) : []
        let legendHeight = legend.isEmpty ? 0 : (legend.map(\.y).max() ?? 0) + Self.legendRowHeight
        plotLeft = Self.leftMargin
        plotTop = legendHeight + 16
        plotWidth = Self.width - Self.leftMargin - Self.rightMargin
        let slot = plotWidth / Double(max(chart.categories.count, 1))
        let labelRows = Self.categoryLabelRows(chart.categories, slot: slot)
        height = plotTop + Self.plotHeight + 10 + 12 * Double(labelRows.rows) + 20
        self.legend = legend

        let (maximum, ticks) = Self.valueAxis(chart)
        axisMaximum = maximum
        let plotBottom = plotTop + Self.plotHeight
        self.ticks = ticks.map { Tick(y: plotBottom - $0.value / maximum * Self.plotHeight, label: $0.label) }

        let barWidth = min(slot >= 6 ? slot * 0.7 : slot * 0.9, 56)
        var bars: [Bar] = []
        var topLabels: [Label] = []
        for category in chart.categories.indices {
            let x = plotLeft + slot * Double(category) + (slot - barWidth) / 2
            var stacked = 0.0
            for (seriesIndex, series) in chart.series.enumerated() {
                let value = series.values[category]
                guard value > 0 else { continue }
                let barHeight = value / maximum * Self.plotHeight
                stacked += barHeight
                let title = chart.series.count > 1
                    ? "\(chart.categories[category]) · \(series.name): \(series.labels[category])"
                    : "\(chart.categories[category]): \(series.labels[category])"
                bars.append(Bar(category: category, series: seriesIndex, x: x, y: plotBottom - stacked,
                                width: barWidth, height: barHeight,
                                color: chart.barColors?[category] ?? series.color, title: title))
            }
            if let labels = chart.barTopLabels,
               Double(labels[category].count) * Self.characterWidth <= slot {
                topLabels.append(Label(x: x + barWidth / 2, y: plotBottom - stacked - 4, text: labels[category]))
            }
        }
        self.bars = bars
        self.barTopLabels = topLabels

        let left = plotLeft
        categoryLabels = chart.categories.indices.compactMap { category in
            guard category % labelRows.step == 0 else { return nil }
            let text = chart.categories[category]
            let halfWidth = Double(text.count) * Self.characterWidth / 2
            let centre = left + slot * (Double(category) + 0.5)
            let x = min(max(centre, halfWidth), Self.width - halfWidth)
            let row = labelRows.rows == 2 ? category % 2 : 0
            return Label(x: x, y: plotBottom + 14 + 12 * Double(row), text: text)
        }
    }

    /// How category labels fit under their slots: on one row, staggered on two, or
    /// every `step`-th label only (366 days).
    private static func categoryLabelRows(_ categories: [String], slot: Double) -> (rows: Int, step: Int) {
        let widest = Double(categories.map(\.count).max() ?? 0) * characterWidth + 6
        if widest <= slot { return (1, 1) }
        if widest <= 2 * slot { return (2, 1) }
        return (1, Int((widest / slot).rounded(.up)))
    }

    /// The axis maximum and the ticks' values and labels.
    private static func valueAxis(_ chart: BarChart) -> (maximum: Double, ticks: [(value: Double, label: String)]) {
        switch chart.valueAxis {
        case .fraction:
            return (1, stride(from: 0, through: 100, by: 25).map { (value: Double($0) / 100, label: "\($0)%") })
        case .count:
            var tallest = 0.0
            for category in chart.categories.indices {
                tallest = max(tallest, chart.series.reduce(0.0) { $0 + max($1.values[category], 0) })
            }
            let step = niceStep(tallest / 4)
            let maximum = max(step, (tallest / step).rounded(.up) * step)
            let tickCount = Int((maximum / step).rounded())
            return (maximum, (0...tickCount).map { index in
                let value = Double(index) * step
                return (value: value, label: DisplayFormat.count(Int(value)))
            })
        }
    }

    /// A round step (1, 2 or 5 × 10ⁿ, at least 1) at or above `rough`.
    package static func niceStep(_ rough: Double) -> Double {
        guard rough > 1 else { return 1 }
        var magnitude = 1.0
        while magnitude * 10 <= rough { magnitude *= 10 }
        for factor in [1.0, 2.0, 5.0] where factor * magnitude >= rough {
            return factor * magnitude
        }
        return 10 * magnitude
    }

    /// Legend entries, wrapped onto more rows when they do not fit the width.
    private static func legend(for series: [BarChart.Series]) -> [LegendEntry] {
        var entries: [LegendEntry] = []
        var x = leftMargin
        var y = 4.0
        for item in series {
            let entryWidth = 14 + Double(item.name.count) * characterWidth + 18
            if x + entryWidth > width, x > leftMargin {
                x = leftMargin
                y += legendRowHeight
            }
            entries.append(LegendEntry(x: x, y: y, color: item.color, name: item.name))
            x += entryWidth
        }
        return entries
    }
}
