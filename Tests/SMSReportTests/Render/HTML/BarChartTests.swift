import Foundation
@testable import SMSCore
@testable import SMSRender
import Testing

/// The inline SVG charts: bar heights proportional to the values, finite geometry in
/// the edge cases (all zero, one day, 366 days), escaped text.
@Suite struct BarChartTests {
    static func counts(_ values: [Int], categories: [String]? = nil) -> BarChart {
        let names = categories ?? values.indices.map { "c\($0)" }
        return BarChart(title: "t", categories: names,
                        series: [BarChart.Series(name: "deliveries", color: "#000000", values: values.map(Double.init),
                                                 labels: values.map { DisplayFormat.count($0) })],
                        valueAxis: .count, valueAxisTitle: "deliveries")
    }

    static func days(_ count: Int) -> [String] {
        (0..<count).map { LocalDay(daysSinceEpoch: Int32(20_000 + $0)).description }
    }

    /// The coordinates in the SVG's attributes that are not finite numbers.
    static func badNumbers(in svg: String) -> [String] {
        numbers(in: svg).filter { Double($0)?.isFinite != true }
    }

    /// Every number in the SVG's attributes.
    static func numbers(in svg: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"\s(?:x|y|width|height|x1|x2|y1|y2)="([^"]*)""#)
        let range = NSRange(svg.startIndex..., in: svg)
        return pattern.matches(in: svg, range: range).map { String(svg[Range($0.range(at: 1), in: svg)!]) }
    }

    @Test func theSummaryIsTheTitleAndEachCategorysTextAndIsTheSVGsLabel() {
        var chart = Self.counts([1200, 5], categories: ["2025-11-03", "<b>&"])
        #expect(chart.summary == "t: 2025-11-03 1,200, <b>& 5")
        chart.barTopLabels = ["1,200 total", "5 total"]
        #expect(chart.summary == "t: 2025-11-03 1,200 total, <b>& 5 total")
        #expect(SVGBarChart.svg(chart).contains(#"aria-label="t: 2025-11-03 1,200 total, &lt;b&gt;&amp; 5 total""#))
        #expect(Self.counts([]).summary == "t: no deliveries")
    }

    @Test func barHeightsAreProportionalToTheValues() {
        let layout = BarChartLayout(Self.counts([10, 20, 40, 5]))
        let heights = layout.bars.map(\.height)
        #expect(heights.count == 4)
        for (bar, value) in zip(layout.bars, [10.0, 20, 40, 5]) {
            #expect(abs(bar.height - value / layout.axisMaximum * BarChartLayout.plotHeight) < 1e-9)
        }
        #expect(abs(heights[1] / heights[0] - 2) < 1e-9)
        #expect(abs(heights[2] / heights[0] - 4) < 1e-9)
        #expect(layout.axisMaximum >= 40)
        // All bars stand on the same baseline.
        let baselines = Set(layout.bars.map { ($0.y + $0.height) * 1000 }.map { $0.rounded() })
        #expect(baselines.count == 1)
    }

    @Test func stackedSeriesAddUpToTheDaysTotal() {
        let chart = BarChart(
            title: "t", categories: ["2025-11-04", "2025-11-05"],
            series: [BarChart.Series(name: "delivered", color: "#009E73", values: [30, 10], labels: ["30", "10"]),
                     BarChart.Series(name: "failed", color: "#D55E00", values: [10, 0], labels: ["10", "0"])],
            valueAxis: .count, valueAxisTitle: "deliveries", showsLegend: true)
        let layout = BarChartLayout(chart)
        let first = layout.bars.filter { $0.category == 0 }
        let second = layout.bars.filter { $0.category == 1 }
        #expect(first.count == 2)
        #expect(second.count == 1, "a zero value draws no bar")
        let firstTotal = first.map(\.height).reduce(0, +)
        #expect(abs(firstTotal / second[0].height - 4) < 1e-9)
        // The failed segment sits right on top of the delivered one.
        #expect(abs(first[1].y + first[1].height - first[0].y) < 1e-9)
        #expect(layout.legend.map(\.name) == ["delivered", "failed"])
    }

    @Test func aRateAxisRunsFromZeroToOneHundredPercent() {
        let chart = BarChart(title: "t", categories: ["NTC", "NCELL"],
                             series: [BarChart.Series(name: "rate", color: "#009E73", values: [0.5, 0.25], labels: ["50.0%", "25.0%"])],
                             valueAxis: .fraction, valueAxisTitle: "rate")
        let layout = BarChartLayout(chart)
        #expect(layout.axisMaximum == 1)
        #expect(layout.ticks.map(\.label) == ["0%", "25%", "50%", "75%", "100%"])
        #expect(abs(layout.bars[0].height - BarChartLayout.plotHeight / 2) < 1e-9)
        #expect(abs(layout.bars[1].height - BarChartLayout.plotHeight / 4) < 1e-9)
    }

    @Test func allZeroValuesGiveAFiniteChartWithoutBars() {
        let layout = BarChartLayout(Self.counts([0, 0, 0]))
        #expect(layout.bars.isEmpty)
        #expect(layout.axisMaximum > 0)
        #expect(layout.ticks.allSatisfy { $0.y.isFinite })
        let svg = SVGBarChart.svg(Self.counts([0, 0, 0]))
        #expect(!svg.contains("NaN") && !svg.lowercased().contains("inf"))
        #expect(Self.badNumbers(in: svg) == [])
    }

    @Test func oneDayGivesOneBarOfSensibleWidth() {
        let layout = BarChartLayout(Self.counts([7], categories: Self.days(1)))
        #expect(layout.bars.count == 1)
        let bar = layout.bars[0]
        #expect(bar.width > 0 && bar.width <= 56)
        #expect(bar.x >= layout.plotLeft && bar.x + bar.width <= layout.plotLeft + layout.plotWidth)
        #expect(layout.categoryLabels.map(\.text) == Self.days(1))
        let svg = SVGBarChart.svg(Self.counts([7], categories: Self.days(1)))
        #expect(!svg.contains("NaN"))
        #expect(Self.badNumbers(in: svg) == [])
    }

    @Test func noCategoriesSayNoDeliveries() {
        let svg = SVGBarChart.svg(Self.counts([]))
        #expect(svg.contains(">no deliveries</text>"))
        #expect(Self.badNumbers(in: svg) == [])
    }

    @Test func threeHundredSixtySixDaysThinTheLabelsAndNarrowTheBars() {
        let values = (0..<366).map { $0 % 50 }
        let layout = BarChartLayout(Self.counts(values, categories: Self.days(366)))
        let slot = layout.plotWidth / 366
        #expect(layout.bars.allSatisfy { $0.width > 0 && $0.width <= slot })
        #expect(layout.bars.allSatisfy { $0.x >= layout.plotLeft && $0.x + $0.width <= layout.plotLeft + layout.plotWidth + 1e-9 })
        // Labels are thinned so that none overlaps the next one.
        #expect(layout.categoryLabels.count >= 5 && layout.categoryLabels.count <= 15)
        let positions = layout.categoryLabels.map(\.x)
        let labelWidth = Double("2025-01-01".count) * BarChartLayout.characterWidth
        #expect(zip(positions, positions.dropFirst()).allSatisfy { $1 - $0 >= labelWidth })
        #expect(layout.barTopLabels.isEmpty, "values above bars are left out when they do not fit")
        #expect(layout.bars.count == values.filter { $0 > 0 }.count)
    }

    @Test func labelsThatNearlyFitAreStaggeredOnTwoRows() {
        let buckets = ["<1s", "1-5s", "5-30s", "30s-1m", "1-5m", "5-30m", "30m-1h", "1-6h", "6-24h", ">=24h", "not_delivered"]
        let layout = BarChartLayout(Self.counts(Array(repeating: 1, count: buckets.count), categories: buckets))
        #expect(layout.categoryLabels.map(\.text) == buckets)
        #expect(Set(layout.categoryLabels.map(\.y)).count == 2)
    }

    @Test func everyBarHasAHoverTitle() {
        let svg = SVGBarChart.svg(Self.counts([3, 4], categories: ["NTC", "NCELL"]))
        #expect(svg.contains("<title>NTC: 3</title>"))
        #expect(svg.contains("<title>NCELL: 4</title>"))
        #expect(svg.components(separatedBy: "<rect").count - 1 == 2)
    }

    @Test func textInTheChartIsEscaped() {
        let svg = SVGBarChart.svg(Self.counts([1], categories: ["<script>alert(1)</script>\"'&"]))
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;"))
    }

    @Test(arguments: [(0.0, 1.0), (0.4, 1.0), (3, 5), (4, 5), (7, 10), (12, 20), (26, 50), (2_400, 5_000)])
    func valueAxisStepsAreRound(rough: Double, expected: Double) {
        #expect(BarChartLayout.niceStep(rough) == expected)
    }
}

/// The status colours: one per status, all different, written as `#RRGGBB`.
@Suite struct StatusPaletteTests {
    @Test func everyStatusHasItsOwnColour() {
        let colours = DeliveryStatus.allCases.map(StatusPalette.color(of:))
        #expect(Set(colours).count == DeliveryStatus.allCases.count)
        #expect(colours.allSatisfy { $0.count == 7 && $0.hasPrefix("#") })
        #expect(StatusPalette.color(of: .delivered) == "#009E73")
        #expect(StatusPalette.neutral == "#0072B2")
    }
}
