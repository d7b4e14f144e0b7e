/// Draws a ``LineChart`` as an inline SVG element, on the frame of a bar chart with
/// the same categories (``LineChart/frame``): gridlines and 0–100 % ticks, a legend,
/// one path per series broken where a value is missing, a circle per point with a
/// `<title>` (hover text), and the category labels. The `<svg>` carries the chart's
/// title as `<title>` and `aria-label`. Every text is XML-escaped; no CSS, no script.
package enum SVGLineChart {
    /// The `<svg>` element of `chart`.
    package static func svg(_ chart: LineChart) -> String {
        let layout = BarChartLayout(chart.frame)
        var svg = SVGMarkup()
        SVGBarChart.open(layout, ariaLabel: chart.title, into: &svg)
        SVGBarChart.drawLegend(layout, into: &svg)
        SVGBarChart.drawValueAxis(layout, into: &svg)
        let slot = layout.plotWidth / Double(max(chart.categories.count, 1))
        let bottom = layout.plotTop + BarChartLayout.plotHeight
        for series in chart.series {
            let points = series.values.enumerated().map { category, value in
                value.map { (x: layout.plotLeft + slot * (Double(category) + 0.5),
                             y: bottom - min(max($0, 0), 1) * BarChartLayout.plotHeight) }
            }
            svg.element("path", [("d", pathData(points)), ("fill", "none"), ("stroke", series.color),
                                 ("stroke-width", "2")])
            for (category, point) in points.enumerated() {
                guard let point else { continue }
                svg.open("circle", [("cx", number(point.x)), ("cy", number(point.y)), ("r", "2.5"),
                                    ("fill", series.color)])
                let name = chart.series.count > 1 ? " · \(series.name)" : ""
                svg.element("title", text: "\(chart.categories[category])\(name): \(series.labels[category])")
                svg.close("circle")
            }
        }
        SVGBarChart.drawCategoryLabels(layout, into: &svg)
        if chart.categories.isEmpty {
            SVGBarChart.drawEmptyNotice("no data", layout, into: &svg)
        }
        svg.close("svg")
        return svg.text
    }

    /// `M x y L x y …`, starting a new subpath after every missing point.
    static func pathData(_ points: [(x: Double, y: Double)?]) -> String {
        var data: [String] = []
        var drawing = false
        for point in points {
            guard let point else {
                drawing = false
                continue
            }
            data.append("\(drawing ? "L" : "M")\(number(point.x)) \(number(point.y))")
            drawing = true
        }
        return data.joined(separator: " ")
    }

    private static func number(_ value: Double) -> String {
        SVGBarChart.number(value)
    }
}
