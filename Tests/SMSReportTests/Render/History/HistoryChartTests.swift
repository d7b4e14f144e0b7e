@testable import SMSCore
@testable import SMSRender
import Testing

/// The history's charts: which groups are drawn, and lines that break where a
/// bucket has no value instead of dropping to zero.
@Suite struct HistoryChartTests {
    @Test func atMostEightGroupsAreDrawnThoseWithTheMostDeliveries() {
        let groups = (0..<10).map { "98\($0)" }
        let data = HistoryDocumentFixture.document(group: "prefix", groups: groups).chartData
        #expect(data.buckets.count == 28)
        // The fixture gives later groups more deliveries: the first two are left out.
        #expect(data.series.map(\.group) == groups.dropFirst(2).map { Optional($0) })
        #expect(data.notDrawn == ["980", "981"])
    }

    @Test func aGroupWithoutARowInABucketHasAnEmptyCellThere() throws {
        var document = HistoryDocumentFixture.document(group: "operator", groups: ["NCELL", "NTC"])
        let full = document.table
        document.table = Table(name: full.name, columns: full.columns, rows: full.rows.filter {
            !($0[0] == .text("2026-11-02") && $0[1] == .text("NTC"))
        })
        let data = document.chartData
        let ntc = try #require(data.series.last)
        #expect(ntc.group == "NTC")
        #expect(ntc.deliveries[1] == .empty && ntc.deliveryRates[1] == .empty)
        #expect(ntc.deliveries[0] != .empty)
    }

    @Test func groupedByStatusEachLineHasItsStatusColour() {
        let data = HistoryDocumentFixture.document(group: "status", groups: ["delivered", "failed"]).chartData
        #expect(data.series.map(\.rgb) == [StatusPalette.rgb(of: .delivered), StatusPalette.rgb(of: .failed)])
    }

    @Test func aLineBreaksWhereAValueIsMissing() throws {
        let chart = LineChart(title: "rate <per> day", categories: ["a", "b", "c", "d"],
                              series: [LineChart.Series(name: "x", color: "#000000", values: [0.5, nil, 1, 0.25],
                                                        labels: ["50%", "", "100%", "25%"])],
                              valueAxisTitle: "delivery rate", showsLegend: false)
        let svg = SVGLineChart.svg(chart)
        let path = try #require(svg.split(separator: "\n").first { $0.hasPrefix("<path") })
        #expect(path.components(separatedBy: "M").count - 1 == 2)
        #expect(path.components(separatedBy: "L").count - 1 == 1)
        #expect(svg.components(separatedBy: "<circle").count - 1 == 3)
        #expect(svg.contains("<title>rate &lt;per&gt; day</title>"))
        #expect(svg.contains(#"aria-label="rate &lt;per&gt; day""#))
    }
}
