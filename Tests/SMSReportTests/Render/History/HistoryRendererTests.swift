import Foundation
@testable import SMSCore
@testable import SMSRender
@testable import SMSSupport
import Testing

/// `sms-report history`'s files, read back as a user would: the CSV's cells, the
/// workbook's sheets and charts, the page's notices, charts and escaping.
@Suite struct HistoryRendererTests {
    static let hostileGroups = ["<img src=x onerror=alert(1)>", "=cmd|' /C calc'!A0", "B-7"]

    private func render(_ document: HistoryDocument, formats: [ReportFormat] = ReportFormat.allCases,
                        in folder: TemporaryFolder) async throws -> [String] {
        try await HistoryRenderer(formats: formats).render(document, into: folder.path, progress: SilentProgress())
    }

    private func text(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func everyFormatIsWrittenUnderItsName() async throws {
        let folder = try TemporaryFolder()
        let paths = try await render(HistoryDocumentFixture.document(), formats: [.html, .csv, .xlsx], in: folder)
        #expect(paths == ["csv", "xlsx", "html"].map { "\(folder.path)/history.\($0)" })
        #expect(try folder.files() == ["history.csv", "history.html", "history.xlsx"])
    }

    @Test func theCSVIsTheTableInTheReportsNumberFormats() async throws {
        let folder = try TemporaryFolder()
        _ = try await render(HistoryDocumentFixture.document(), formats: [.csv], in: folder)
        let records = HistoryDocumentFixture.records(try text(folder.path + "/history.csv"))
        #expect(records.first == HistoryDocumentFixture.columns(group: nil).map(\.name))
        #expect(records.count == 1 + 28)
        let header = try #require(records.first)
        let column = { (name: String) in try #require(header.firstIndex(of: name)) }
        let first = records[1]
        #expect(first[try column("bucket")] == "2026-11-01")
        #expect(first[try column("delivery_rate")] == "0.970000")
        #expect(first[try column("latency_max_s")] == "9.877")
        let noLatency = try #require(records.first { $0.first == HistoryDocumentFixture.dayWithoutLatency.description })
        #expect(noLatency[try column("latency_p50_s")] == "")
        #expect(noLatency[try column("latency_count")] == "0")
        #expect(!records.contains { HistoryDocumentFixture.missingDays.map(\.description).contains($0.first ?? "") })
    }

    @Test func theCSVGuardsAFormulaInAGroupUnlessRaw() async throws {
        let document = HistoryDocumentFixture.document(group: "batch_id", groups: Self.hostileGroups)
        let folder = try TemporaryFolder()
        _ = try await render(document, formats: [.csv], in: folder)
        #expect(HistoryDocumentFixture.records(try text(folder.path + "/history.csv"))[2][1] == "'=cmd|' /C calc'!A0")
        let raw = try TemporaryFolder()
        _ = try await HistoryRenderer(formats: [.csv], csvGuardsFormulas: false)
            .render(document, into: raw.path, progress: SilentProgress())
        #expect(HistoryDocumentFixture.records(try text(raw.path + "/history.csv"))[2][1] == "=cmd|' /C calc'!A0")
    }

    @Test func theWorkbookHasTheSummaryTheTableAndALineAndAColumnChart() async throws {
        let folder = try TemporaryFolder()
        _ = try await render(HistoryDocumentFixture.document(), formats: [.xlsx], in: folder)
        let path = folder.path + "/history.xlsx"
        let workbook = try HistoryDocumentFixture.zipPart(path, "xl/workbook.xml")
        #expect(workbook.contains(#"<sheet name="summary""#))
        #expect(workbook.contains(#"<sheet name="history""#))
        #expect(!workbook.contains("chart deliveries"))
        let line = try HistoryDocumentFixture.zipPart(path, "xl/charts/chart1.xml")
        #expect(line.contains("<c:lineChart>"))
        #expect(line.contains("Delivery rate per day (2 days missing)"))
        #expect(line.contains("history!$K$2:$K$29"))
        let column = try HistoryDocumentFixture.zipPart(path, "xl/charts/chart2.xml")
        #expect(column.contains("<c:barChart>"))
        #expect(column.contains("history!$B$2:$B$29"))
        let summary = try HistoryDocumentFixture.zipPart(path, "xl/worksheets/sheet1.xml")
        #expect(summary.contains("2026-11-05, 2026-11-06"))
        #expect(summary.contains("<drawing"))
        let history = try HistoryDocumentFixture.zipPart(path, "xl/worksheets/sheet2.xml")
        #expect(history.contains("<autoFilter"))
        #expect(history.contains(#"<pane ySplit="1""#))
    }

    @Test func aGroupedWorkbookChartsOneSeriesPerGroupFromCopiedCells() async throws {
        let folder = try TemporaryFolder()
        let document = HistoryDocumentFixture.document(group: "operator", groups: ["NCELL", "NTC", "SMART"])
        _ = try await render(document, formats: [.xlsx], in: folder)
        let path = folder.path + "/history.xlsx"
        let workbook = try HistoryDocumentFixture.zipPart(path, "xl/workbook.xml")
        for sheet in ["summary", "history", "chart deliveries", "chart delivery rate"] {
            #expect(workbook.contains("<sheet name=\"\(sheet)\""))
        }
        let line = try HistoryDocumentFixture.zipPart(path, "xl/charts/chart1.xml")
        #expect(line.components(separatedBy: "<c:ser>").count - 1 == 3)
        #expect(line.contains("'chart delivery rate'!$D$2:$D$29"))
        let column = try HistoryDocumentFixture.zipPart(path, "xl/charts/chart2.xml")
        #expect(column.contains(#"<c:grouping val="stacked"/>"#))
        #expect(column.components(separatedBy: "<c:ser>").count - 1 == 3)
    }

    @Test func thePageIsSelfContainedEscapedAndListsTheMissingDays() async throws {
        let folder = try TemporaryFolder()
        let document = HistoryDocumentFixture.document(group: "batch_id", groups: Self.hostileGroups)
        _ = try await render(document, formats: [.html], in: folder)
        let page = try text(folder.path + "/history.html")
        #expect(!page.contains("<script"))
        #expect(!page.contains("<img"))
        #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(page.contains("=cmd|&#39; /C calc&#39;!A0"))
        #expect(page.components(separatedBy: "<svg").count - 1 == 2)
        #expect(page.contains(#"aria-label="Delivery rate per day (2 days missing)""#))
        #expect(page.contains("2 days missing from the store"))
        #expect(page.contains("2026-11-05, 2026-11-06"))
        #expect(page.contains("28 stored days, 27 complete"))
        #expect(!page.contains("src=\"http") && !page.contains("href=\"http"))
    }

    @Test func thePageShowsRatesAsPercentagesSecondsWithThreeDecimalsAndEmptyCellsEmpty() async throws {
        let page = HistoryPage.html(HistoryDocumentFixture.document())
        #expect(page.contains(">97.0%</td>"))
        #expect(page.contains(">9.877</td>"))
        #expect(page.contains(">approx-1%</td>"))
        let noLatencyRow = try #require(page.components(separatedBy: "\n")
            .first { $0.hasPrefix("<tr>") && $0.contains(">\(HistoryDocumentFixture.dayWithoutLatency)</td>") })
        #expect(noLatencyRow.contains("\"></td>"))
        #expect(!noLatencyRow.contains(DisplayFormat.missing))
    }

    @Test func aHistoryWithNothingStoredStillWritesEveryFile() async throws {
        var document = HistoryDocumentFixture.document()
        document.table = Table(name: "history", columns: HistoryDocumentFixture.columns(group: nil), rows: [])
        (document.from, document.to, document.missingDays, document.storedDays, document.completeDays) = (nil, nil, [], 0, 0)
        let folder = try TemporaryFolder()
        _ = try await render(document, in: folder)
        #expect(try folder.files() == ["history.csv", "history.html", "history.xlsx"])
        #expect(try text(folder.path + "/history.html").contains("nothing stored"))
    }
}
