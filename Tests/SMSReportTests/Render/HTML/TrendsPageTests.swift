import Foundation
@testable import SMSAggregate
@testable import SMSCore
@testable import SMSRender
import SMSSupport
import Testing

/// Issue 14: with trends from the history store, report.html and report.txt show each
/// KPI's change against the earlier periods (arrow, sign, word and colour by the KPI's
/// preference; `no data` where the store has none), the alerts section at the top (a
/// red box with escaped messages, or a quiet line, and the notes), and a sparkline per
/// operator; without trends, none of it.
@Suite struct TrendsPageTests {
    static let hostileOperator = #"<script>alert(1)</script> "&"#

    static func day(_ text: String) -> LocalDay {
        LocalDay(iso: text)!
    }

    /// The report's KPIs: 1,000 deliveries at 90.0%, p50 2 s, p95 10 s, 50 undeliverable + failed.
    static let current = KPIFigures(deliveries: 1000, delivered: 900, latencyP50: 2_000_000, latencyP95: 10_000_000,
                                    undeliverableOrFailed: 50)

    /// Compared with a previous day of `previous` and a week before without stored data.
    static func comparisons(previous: KPIFigures) -> ReportComparisons {
        ReportComparisons(current: current, earlier: [
            EarlierPeriod(label: "previous day", days: day("2025-11-03")...day("2025-11-03"), figures: previous),
            EarlierPeriod(label: "same day last week", days: day("2025-10-28")...day("2025-10-28"), figures: nil),
        ])
    }

    /// The previous day: 1,200 deliveries at 95.0%, p50 1.5 s, p95 12 s, 50 undeliverable + failed.
    static let worseDay = KPIFigures(deliveries: 1200, delivered: 1140, latencyP50: 1_500_000, latencyP95: 12_000_000,
                                     undeliverableOrFailed: 50)

    static func alert(_ operatorName: String, message: String) -> Alert {
        Alert(scope: .operatorName(operatorName), metric: .deliveryRate, periodValue: .rate(Ratio(80, over: 100)),
              baselineValue: .rate(Ratio(90, over: 100)), change: .rate(Ratio(-10, over: 100)), deliveries: 500,
              baselineDeliveries: 7000, z: -7.5, message: message)
    }

    static let baselineDays = (0..<14).map { day("2025-10-21").adding(days: $0) }

    /// 14 days of 95%, with days 3, 4 and 10 (0-based) without data: three runs of points.
    static func sparkline(_ operatorName: String) -> OperatorSparkline {
        OperatorSparkline(operatorName: operatorName, points: (0..<14).map { index in
            OperatorSparkline.Point(day: day("2025-10-22").adding(days: index),
                                    rate: [3, 4, 10].contains(index) ? nil : Ratio(90 + index % 3, over: 100))
        })
    }

    static func render(_ trends: ReportTrends?) async throws -> (html: String, text: String, operators: [String]) {
        var tables = try await UnitReport.tables(SummaryPageTests.markupFiles())
        let operators = UnitReport.texts(tables.byOperator, "operator")
        tables.trends = trends.map { trends in
            var withLines = trends
            if withLines.sparklines.isEmpty { withLines.sparklines = operators.map(sparkline) }
            return withLines
        }
        let renderer = try SummaryPageRenderer(templates: ReportTemplates.bundled())
        let source = ReportSource(snapshotName: "snap")
        return (try renderer.html(tables, source: source), try renderer.text(tables, source: source), operators)
    }

    static func trends(previous: KPIFigures = worseDay, alerts: [Alert] = [], notes: [String] = []) -> ReportTrends {
        ReportTrends(comparisons: comparisons(previous: previous),
                     findings: AlertFindings(alerts: alerts, notes: notes, baselineDays: baselineDays), sparklines: [])
    }

    /// The HTML of a change line in `color`.
    static func changeLine(_ text: String, _ color: String) -> String {
        "color:\(color);margin-top:2px;\">\(text)</div>"
    }

    @Test func eachKPIShowsItsChangeColouredByWhichWayIsGood() async throws {
        let page = try await Self.render(Self.trends())
        #expect(page.html.contains(Self.changeLine("▼ \u{2212}200 vs previous day", ChangeFormat.neutralColor)),
                "fewer deliveries are neither good nor bad")
        #expect(page.html.contains(Self.changeLine("▼ \u{2212}5.0 pts (worse) vs previous day", ChangeFormat.worseColor)),
                "a rate drop is worse")
        #expect(page.html.contains(Self.changeLine("▲ +500 ms (worse) vs previous day", ChangeFormat.worseColor)),
                "a latency rise is worse")
        #expect(page.html.contains(Self.changeLine("▼ \u{2212}2.0 s (better) vs previous day", ChangeFormat.betterColor)),
                "a latency fall is better")
        #expect(page.html.contains(Self.changeLine("= 0 vs previous day", ChangeFormat.neutralColor)),
                "an unchanged count")
    }

    @Test func aRateRiseIsBetterAndMoreFailuresWorse() async throws {
        let page = try await Self.render(Self.trends(previous: KPIFigures(
            deliveries: 1000, delivered: 877, latencyP50: 2_000_000, latencyP95: 10_000_000, undeliverableOrFailed: 40)))
        #expect(page.html.contains(Self.changeLine("▲ +2.3 pts (better) vs previous day", ChangeFormat.betterColor)))
        #expect(page.html.contains(Self.changeLine("▲ +10 (worse) vs previous day", ChangeFormat.worseColor)))
        #expect(page.html.contains(Self.changeLine("= 0 ms vs previous day", ChangeFormat.neutralColor)))
        #expect(page.text.contains("▲ +2.3 pts (better) vs previous day"))
    }

    @Test func aPeriodWithoutStoredDataSaysNoDataNeverZero() async throws {
        let page = try await Self.render(Self.trends())
        let noData = Self.changeLine("no data vs same day last week", ChangeFormat.neutralColor)
        #expect(page.html.components(separatedBy: noData).count - 1 == 5, "one per KPI with changes, none on delivered")
        #expect(!page.html.contains("0 vs same day last week"))
        #expect(page.text.components(separatedBy: "no data vs same day last week").count - 1 == 5)
    }

    @Test func theTextKPILinesCarryTheChangesUnderTheDetail() async throws {
        let page = try await Self.render(Self.trends())
        let lines = page.text.components(separatedBy: "\n")
        let rate = try #require(lines.firstIndex { $0.hasPrefix("Delivery rate") })
        let detailColumn = try #require(lines[rate].range(of: "delivered ÷ deliveries")).lowerBound
        let offset = lines[rate].distance(from: lines[rate].startIndex, to: detailColumn)
        #expect(lines[rate + 1] == String(repeating: " ", count: offset) + "▼ \u{2212}5.0 pts (worse) vs previous day")
        #expect(lines[rate + 2] == String(repeating: " ", count: offset) + "no data vs same day last week")
    }

    @Test func alertsAreABoxAtTheTopWithEscapedMessages() async throws {
        let message = "\(Self.hostileOperator) delivery rate 80.0% vs 90.0% over the 14-day baseline"
        let trends = Self.trends(alerts: [Self.alert(Self.hostileOperator, message: message),
                                          Self.alert("NCELL", message: "NCELL latency p95 12.0 s vs 4.0 s")],
                                 notes: ["UNKNOWN has too few baseline deliveries to check"])
        let page = try await Self.render(trends)
        #expect(page.html.contains(">ALERTS (2)<"))
        #expect(page.html.contains("border:2px solid #b42318"))
        #expect(page.html.contains("• &lt;script&gt;alert(1)&lt;/script&gt; &quot;&amp; delivery rate 80.0%"))
        #expect(!page.html.contains("<script"))
        #expect(page.html.contains("• NCELL latency p95 12.0 s vs 4.0 s<"))
        #expect(page.html.contains("Note: UNKNOWN has too few baseline deliveries to check<"))
        let alertsAt = try #require(page.html.range(of: "ALERTS (2)")).lowerBound
        let tilesAt = try #require(page.html.range(of: ">Deliveries<")).lowerBound
        #expect(alertsAt < tilesAt, "the alerts come before the KPI tiles")

        #expect(page.text.contains("*** ALERTS (2) ***\n- \(message)\n- NCELL latency p95 12.0 s vs 4.0 s\n"
                                   + "Note: UNKNOWN has too few baseline deliveries to check\n"))
        let textAlertsAt = try #require(page.text.range(of: "*** ALERTS")).lowerBound
        let textTilesAt = try #require(page.text.range(of: "\nDeliveries ")).lowerBound
        #expect(textAlertsAt < textTilesAt)
    }

    @Test func withoutAlertsOneQuietLineNamesTheBaseline() async throws {
        let page = try await Self.render(Self.trends(notes: ["only 3 of the 14 baseline days are stored: no alert checked"]))
        let quiet = "No alerts against the baseline of 14 stored days (2025-10-21 – 2025-11-03)."
        #expect(page.html.contains(">\(quiet)<"))
        #expect(!page.html.contains("ALERTS ("))
        #expect(page.text.contains("\(quiet)\nNote: only 3 of the 14 baseline days are stored: no alert checked\n"))
        #expect(!page.text.contains("***"))
    }

    @Test func eachOperatorHasASparklineWithGapsForDaysWithoutData() async throws {
        let page = try await Self.render(Self.trends())
        #expect(page.html.contains(">operator<div style=\"font-weight:normal;font-size:11px;color:#616e7c;white-space:nowrap;\">last 14 days</div></th>"))
        for name in page.operators {
            let escaped = XMLText.escape(name)
            let label = "aria-label=\"\(escaped) delivery rate by day, 2025-10-22 – 2025-11-04: first 90.0%, last 91.0%, "
                + "lowest 90.0% on 2025-10-22; 3 days without data\""
            #expect(page.html.contains(label), "\(name)'s sparkline says what it shows")
        }
        let path = try #require(page.html.firstMatch(of: /<path d="([^"]*)" fill="none" stroke="#009E73" stroke-width="1.5"\/>/))
        let commands = path.1.split(separator: " ").filter { $0.first == "M" || $0.first == "L" }
        #expect(commands.count == 11, "one point per day with data")
        #expect(commands.filter { $0.first == "M" }.count == 3, "a new run after each gap: \(path.1)")

        let header = try #require(page.text.components(separatedBy: "\n").first { $0.hasPrefix("operator ") })
        #expect(header.hasSuffix("last 14 days"))
        #expect(page.text.contains("▇▇█··█▇▇█▇·█▇▇"), "blocks per day, · where a day has no data; 90–92% stays high")
    }

    @Test func withoutTrendsThePageHasNoneOfIt() async throws {
        let page = try await Self.render(nil)
        for absent in ["vs previous day", "ALERTS", "No alerts", "last 14 days", "<path d="] {
            #expect(!page.html.contains(absent), "\(absent)")
            #expect(!page.text.contains(absent), "\(absent)")
        }
        #expect(page.html.contains(">Only batches with at least 20 deliveries are ranked; by_batch lists every batch.<"),
                "the worst-batch rule is there either way")
        #expect(page.html.contains(">No batch has at least 20 deliveries.<"), "three deliveries rank no batch")
    }

    @Test func theSparklineEscapesItsSummaryAndDrawsAloneStandingDays() {
        let sparkline = Sparkline(values: [0.5, nil, 0.25, nil, nil, 1.0], summary: #"<b>"&"#)
        let svg = SVGSparkline.svg(sparkline, color: "#009E73")
        #expect(svg.contains("<title>&lt;b&gt;&quot;&amp;</title>"))
        #expect(svg.contains(#"aria-label="&lt;b&gt;&quot;&amp;""#))
        #expect(!svg.contains("<b>"))
        #expect(svg.components(separatedBy: "<circle").count - 1 == 3, "each day standing alone gets a dot")
        #expect(svg.contains(#"width="100" height="24""#))
        #expect(SparklineBlocks.text(sparkline) == "▃·▁··█", "from the lowest to the highest value")
        #expect(SparklineBlocks.text(Sparkline(values: [0.99, 1.0], summary: "")) == "▇█",
                "a range of at least 10 points: 99% to 100% is a small step")
    }

    @Test func changesAreWrittenInThePageUnits() {
        #expect(ChangeFormat.magnitude(.rate(Ratio(-23, over: 1000))) == "2.3 pts")
        #expect(ChangeFormat.magnitude(.rate(Ratio(1, over: -400))) == "0.2 pts", "0.25 rounds half to even")
        #expect(ChangeFormat.magnitude(.seconds(-61_000_000)) == "1 m 01 s")
        #expect(ChangeFormat.magnitude(.count(Int.min)) == "9,223,372,036,854,775,808")
        #expect(ChangeFormat.magnitude(.noData) == nil)
        #expect(ChangeFormat.line(.noData, verdict: .neutral, since: "previous month") == "no data vs previous month")
    }
}
