import SMSSupport

/// Draws a ``BarChart`` as an inline SVG element: gridlines and value ticks, the bars
/// with a `<title>` each (hover text), category labels, values above the bars when
/// they fit, and a legend; the `<svg>` carries the chart's title as `<title>` and its
/// ``BarChart/summary`` as `aria-label`. Every text is XML-escaped; the markup uses only
/// attributes (no CSS, no script, no outside reference), so mail clients that show
/// SVG show it as drawn.
package enum SVGBarChart {
    /// The `<svg>` element of `chart`.
    package static func svg(_ chart: BarChart) -> String {
        let layout = BarChartLayout(chart)
        var svg = SVGMarkup()
        open(layout, ariaLabel: chart.summary, into: &svg)
        drawLegend(layout, into: &svg)
        drawValueAxis(layout, into: &svg)
        drawBars(layout, into: &svg)
        for label in layout.barTopLabels {
            svg.element("text", [("x", number(label.x)), ("y", number(label.y)), ("text-anchor", "middle"),
                                 ("fill", "#333333")], text: label.text)
        }
        drawCategoryLabels(layout, into: &svg)
        if chart.categories.isEmpty {
            drawEmptyNotice(BarChart.emptyText, layout, into: &svg)
        }
        svg.close("svg")
        return svg.text
    }

    /// Opens the `<svg>` element sized for `layout` and gives it its `<title>`, the
    /// chart's title; with `ariaLabel`, also an `aria-label`.
    static func open(_ layout: BarChartLayout, ariaLabel: String?, into svg: inout SVGMarkup) {
        let width = BarChartLayout.width
        svg.open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("width", number(width)),
                         ("height", number(layout.height)),
                         ("viewBox", "0 0 \(number(width)) \(number(layout.height))"),
                         ("role", "img")] + (ariaLabel.map { [("aria-label", $0)] } ?? [])
                     + [("font-family", "Helvetica, Arial, sans-serif"),
                        ("font-size", number(BarChartLayout.fontSize)),
                        ("style", "display:block;max-width:100%;height:auto;")])
        svg.element("title", text: layout.chart.title)
    }

    /// The legend's swatches and names.
    static func drawLegend(_ layout: BarChartLayout, into svg: inout SVGMarkup) {
        for entry in layout.legend {
            svg.element("rect", [("x", number(entry.x)), ("y", number(entry.y)), ("width", "10"), ("height", "10"),
                                 ("fill", entry.color)])
            svg.element("text", [("x", number(entry.x + 14)), ("y", number(entry.y + 9)), ("fill", "#333333")],
                        text: entry.name)
        }
    }

    /// The gridlines, the value ticks, the baseline and the axis title.
    static func drawValueAxis(_ layout: BarChartLayout, into svg: inout SVGMarkup) {
        let right = layout.plotLeft + layout.plotWidth
        for tick in layout.ticks {
            svg.element("line", [("x1", number(layout.plotLeft)), ("y1", number(tick.y)), ("x2", number(right)),
                                 ("y2", number(tick.y)), ("stroke", "#E0E0E0"), ("stroke-width", "1")])
            svg.element("text", [("x", number(layout.plotLeft - 6)), ("y", number(tick.y + 3)),
                                 ("text-anchor", "end"), ("fill", "#555555")], text: tick.label)
        }
        let bottom = layout.plotTop + BarChartLayout.plotHeight
        svg.element("line", [("x1", number(layout.plotLeft)), ("y1", number(bottom)), ("x2", number(right)),
                             ("y2", number(bottom)), ("stroke", "#888888"), ("stroke-width", "1")])
        let middle = layout.plotTop + BarChartLayout.plotHeight / 2
        svg.element("text", [("x", "12"), ("y", number(middle)), ("text-anchor", "middle"), ("fill", "#555555"),
                             ("transform", "rotate(-90 12 \(number(middle)))")],
                    text: layout.chart.valueAxisTitle)
    }

    /// The category labels under the plot.
    static func drawCategoryLabels(_ layout: BarChartLayout, into svg: inout SVGMarkup) {
        for label in layout.categoryLabels {
            svg.element("text", [("x", number(label.x)), ("y", number(label.y)), ("text-anchor", "middle"),
                                 ("fill", "#333333")], text: label.text)
        }
    }

    /// `text` in the middle of an empty plot.
    static func drawEmptyNotice(_ text: String, _ layout: BarChartLayout, into svg: inout SVGMarkup) {
        svg.element("text", [("x", number(layout.plotLeft + layout.plotWidth / 2)),
                             ("y", number(layout.plotTop + BarChartLayout.plotHeight / 2)),
                             ("text-anchor", "middle"), ("fill", "#666666")], text: text)
    }

    private static func drawBars(_ layout: BarChartLayout, into svg: inout SVGMarkup) {
        for bar in layout.bars {
            svg.open("rect", [("x", number(bar.x)), ("y", number(bar.y)), ("width", number(bar.width)),
                              ("height", number(bar.height)), ("fill", bar.color)])
            svg.element("title", text: bar.title)
            svg.close("rect")
        }
    }

    /// A coordinate with at most two decimals and no exponent, e.g. `12.5`.
    package static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

/// Builds SVG markup, escaping every attribute value and text.
package struct SVGMarkup {
    package private(set) var text = ""

    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        text += "<\(name)\(Self.attributes(attributes))>"
        if name == "svg" { text += "\n" }
    }

    package mutating func close(_ name: String) {
        text += "</\(name)>\n"
    }

    /// An element with only attributes (`<rect … />`) or with escaped text content.
    package mutating func element(_ name: String, _ attributes: [(String, String)] = [], text content: String? = nil) {
        if let content {
            text += "<\(name)\(Self.attributes(attributes))>\(XMLText.escape(content))</\(name)>\n"
        } else {
            text += "<\(name)\(Self.attributes(attributes))/>\n"
        }
    }

    private static func attributes(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(XMLText.escape($0.1))\"" }.joined()
    }
}
