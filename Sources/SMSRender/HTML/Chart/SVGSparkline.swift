/// Draws a ``Sparkline`` as a small inline SVG element (100 × 24): a line through the
/// days that have data, broken where a day has none, and a dot on the last day with
/// data and on any day that stands alone between gaps. The `<svg>` carries the
/// sparkline's summary as `<title>` and `aria-label`. Every text is XML-escaped; no
/// CSS, no script.
package enum SVGSparkline {
    package static let width = 100.0
    package static let height = 24.0
    private static let inset = 2.0

    /// The `<svg>` element of `sparkline`, its line drawn in `color` (`#RRGGBB`).
    package static func svg(_ sparkline: Sparkline, color: String) -> String {
        let heights = sparkline.heights
        let step = heights.count > 1 ? (width - 2 * inset) / Double(heights.count - 1) : 0
        let points = heights.enumerated().map { day, placed in
            placed.map { (x: heights.count > 1 ? inset + step * Double(day) : width / 2,
                          y: height - inset - $0 * (height - 2 * inset)) }
        }
        var svg = SVGMarkup()
        svg.open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("width", number(width)), ("height", number(height)),
                         ("viewBox", "0 0 \(number(width)) \(number(height))"), ("role", "img"),
                         ("aria-label", sparkline.summary), ("style", "display:block;")])
        svg.element("title", text: sparkline.summary)
        svg.element("path", [("d", SVGLineChart.pathData(points)), ("fill", "none"), ("stroke", color),
                             ("stroke-width", "1.5")])
        let lastWithData = points.lastIndex { $0 != nil }
        for (day, point) in points.enumerated() {
            guard let point else { continue }
            let standsAlone = (day == 0 || points[day - 1] == nil) && (day == points.count - 1 || points[day + 1] == nil)
            guard standsAlone || day == lastWithData else { continue }
            svg.element("circle", [("cx", number(point.x)), ("cy", number(point.y)), ("r", "1.75"), ("fill", color)])
        }
        svg.close("svg")
        return svg.text
    }

    private static func number(_ value: Double) -> String {
        SVGBarChart.number(value)
    }
}
