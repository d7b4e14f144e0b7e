import Foundation
@testable import SMSAggregate
@testable import SMSCore
@testable import SMSRender
@testable import SMSSupport
@testable import SnapshotFormat
import Testing

/// The summary sheet's block of changes and alerts (contract §10), read back with
/// openpyxl: values in the summary's formats, `no data` (never 0) where the store
/// has nothing, changes coloured by verdict with an arrow and a word, the alerts'
/// messages as strings, and the charts below the block.
@Suite struct XLSXSummaryComparisonsTests {
    private func tables() async throws -> ReportTables {
        let rows = (0..<3).map { index in
            UnitJSON.row(sentAt: String(format: "2025-11-04T10:%02d:00+05:45", index),
                         deliveredAt: String(format: "2025-11-04T10:%02d:03.250000+05:45", index),
                         status: "DELIVERED", message: "Hello", phone: String(9_841_000_000 + index))
        }
        return try await UnitReport.tables([UnitSnapshot.page(1): UnitJSON.page(count: 3, rows: rows)])
    }

    private func alert(_ message: String) -> Alert {
        Alert(scope: .operatorName("NCELL"), metric: .deliveryRate, periodValue: .rate(Ratio(80, over: 100)),
              baselineValue: .rate(Ratio(90, over: 100)), change: .rate(Ratio(-10, over: 100)), deliveries: 300,
              baselineDeliveries: 3000, z: -5.1, message: message)
    }

    private var trends: ReportTrends {
        let current = KPIFigures(deliveries: 300, delivered: 240, latencyP50: 3_061_000, latencyP95: 296_205_000,
                                 undeliverableOrFailed: 28)
        let previousDay = KPIFigures(deliveries: 250, delivered: 225, latencyP50: 2_000_000, latencyP95: nil,
                                     undeliverableOrFailed: 30)
        let day = UnitReport.day("2025-11-04")
        let comparisons = ReportComparisons(current: current, earlier: [
            EarlierPeriod(label: "previous day", days: day.adding(days: -1)...day.adding(days: -1), figures: previousDay),
            EarlierPeriod(label: "same day last week", days: day.adding(days: -7)...day.adding(days: -7), figures: nil),
        ])
        let findings = AlertFindings(alerts: [alert("NCELL delivery rate 80.0% against 90.0%"), alert("=HYPERLINK(\"x\")")],
                                     notes: [], baselineDays: [])
        return ReportTrends(comparisons: comparisons, findings: findings, sparklines: [])
    }

    private func summary(of tables: ReportTables) async throws -> OpenpyxlSheet {
        let folder = try TemporaryFolder()
        let path = try await XLSXRenderer().render(tables, snapshotName: "unit", into: folder.path)
        return try OpenpyxlSheet.read(path, sheet: "summary")
    }

    @Test func theBlockShowsEachKPIAgainstEachEarlierPeriod() async throws {
        var tables = try await tables()
        tables.trends = trends
        let sheet = try await summary(of: tables)
        let cells = sheet.cells
        #expect(cells["A1"]?.value == "metric" && cells["B1"]?.value == "value")
        #expect(cells["D1"]?.value == "ALERTS: 2")
        #expect(cells["D1"]?.font == "9C0006")
        #expect(cells["D2"]?.value == "NCELL delivery rate 80.0% against 90.0%")
        #expect(cells["D3"] == .init(value: "=HYPERLINK(\"x\")", type: "s", format: "General", font: "", fill: ""))
        #expect(["D4", "E4", "F4", "G4", "H4", "I4"].map { cells[$0]?.value }
            == ["KPI", "this period", "previous day", "change", "same day last week", "change"])
        #expect(["D5", "D6", "D7", "D8", "D9"].map { cells[$0]?.value }
            == ["Deliveries", "Delivery rate", "Latency p50", "Latency p95", "Undeliverable + failed"])

        // Deliveries: counts; a change in traffic is neither good nor bad news.
        #expect(cells["E5"]?.value == "300" && cells["E5"]?.format == "#,##0")
        #expect(cells["F5"]?.value == "250")
        #expect(cells["G5"]?.value == "50" && cells["G5"]?.format.contains("▲") == true && cells["G5"]?.fill == "")
        // A period the store does not hold: `no data`, never 0.
        for coordinate in ["H5", "I5", "H6", "I6", "H9", "I9"] {
            #expect(cells[coordinate]?.value == "no data" && cells[coordinate]?.type == "s", "\(coordinate)")
        }
        // Delivery rate: percent; the change in percentage points, worse in red.
        #expect(cells["E6"]?.value == "0.8" && cells["E6"]?.format == "0.00%")
        #expect(cells["F6"]?.value == "0.9")
        #expect(cells["G6"].map { Double($0.value)! } == -10)
        #expect(cells["G6"]?.format.contains("pp") == true && cells["G6"]?.format.contains("worse") == true)
        #expect(cells["G6"]?.font == "9C0006" && cells["G6"]?.fill == "FFC7CE")
        // Latency: seconds with 3 decimals; slower is worse; a missing p95 is `no data`.
        #expect(cells["E7"]?.value == "3.061" && cells["E7"]?.format == "0.000")
        #expect(cells["G7"]?.value == "1.061" && cells["G7"]?.font == "9C0006")
        #expect(cells["F8"]?.value == "no data" && cells["G8"]?.value == "no data")
        // Fewer undeliverable + failed is better, in green.
        #expect(cells["G9"]?.value == "-2" && cells["G9"]?.font == "006100" && cells["G9"]?.fill == "C6EFCE")
        #expect(cells["G9"]?.format.contains("better") == true)
        // The charts start below the block, in its column.
        #expect(sheet.chartAnchors.first == [10, 3])
        #expect(sheet.chartAnchors.allSatisfy { $0[0] >= 10 })
    }

    @Test func withoutAlertsTheBlockStartsWithItsHeaderAndNotesFollowTheKPIs() async throws {
        var tables = try await tables()
        var trends = trends
        trends.findings = AlertFindings(alerts: [], notes: ["No alerts checked: the store holds 2 complete days."],
                                        baselineDays: [])
        tables.trends = trends
        let cells = try await summary(of: tables).cells
        #expect(cells["D1"]?.value == "KPI")
        #expect(cells["D2"]?.value == "Deliveries")
        #expect(cells["D7"]?.value == "No alerts checked: the store holds 2 complete days.")
    }

    @Test func withoutTrendsTheSheetHoldsOnlyTheSummaryAndTheCharts() async throws {
        let sheet = try await summary(of: try await tables())
        #expect(sheet.maxColumn == 2)
        #expect(sheet.chartAnchors.first == [1, 3])
    }
}
