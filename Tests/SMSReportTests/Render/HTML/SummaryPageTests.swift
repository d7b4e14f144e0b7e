import Foundation
@testable import SMSRender
import Testing

/// report.html and report.txt drawn from small snapshots: escaping, the INCOMPLETE
/// banner, data quality, and the text alternative's columns.
@Suite struct SummaryPageTests {
    static let script = "<script>alert(1)</script>"
    static let image = #""><img src=x onerror=alert(1)>"#

    /// A snapshot whose API texts carry markup: a batch id, a raw status and a phone.
    static func markupFiles(complete: Bool = true) -> [String: String] {
        var files = [
            UnitSnapshot.page(1): UnitJSON.page(count: 3, rows: [
                UnitJSON.row(sentAt: "2025-11-04T09:00:00+05:45", deliveredAt: "2025-11-04T09:00:02+05:45",
                             status: "DELIVERED", message: script, phone: "9841000000"),
                UnitJSON.row(sentAt: "2025-11-04T09:00:01+05:45", status: script, message: image,
                             phone: UnitJSON.quoted(image)),
                UnitJSON.row(sentAt: "2025-11-05T09:00:00+05:45", status: "FAILED", phone: "9801000000"),
            ]),
            UnitSnapshot.batchIDs: "[" + UnitJSON.batchIDRow(sentAt: "2025-11-04T09:00:00+05:45", status: "DELIVERED",
                                                             batchID: image) + "]",
        ]
        if !complete {
            files[UnitSnapshot.manifest] = #"{"complete": false, "reasons": ["<b>page 2</b> failed after 5 retries"], "batches": {}}"#
        }
        return files
    }

    static func render(_ files: [String: String]) async throws -> (html: String, text: String) {
        let tables = try await UnitReport.tables(files)
        let renderer = try SummaryPageRenderer(templates: ReportTemplates.bundled())
        let source = ReportSource(baseURL: tables.sourceBaseURL, snapshotName: "snap")
        return (try renderer.html(tables, source: source), try renderer.text(tables, source: source))
    }

    @Test func apiTextIsEscapedInThePage() async throws {
        let page = try await Self.render(Self.markupFiles())
        #expect(!page.html.contains("<script"), "no script element at all")
        #expect(!page.html.contains("<img"), "no image element at all")
        #expect(page.html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), "the batch id is shown as text")
        #expect(page.html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the raw status is shown as text")
    }

    @Test func theTextAlternativeKeepsTextAsItIs() async throws {
        let page = try await Self.render(Self.markupFiles())
        #expect(page.text.contains("unknown_status"))
        #expect(page.text.contains(Self.script), "plain text is not HTML-escaped")
        #expect(!page.text.contains("&lt;"))
    }

    @Test func anIncompleteSnapshotShowsTheBannerAndItsReasons() async throws {
        let incomplete = try await Self.render(Self.markupFiles(complete: false))
        #expect(incomplete.html.contains("INCOMPLETE data"))
        #expect(incomplete.html.contains("&lt;b&gt;page 2&lt;/b&gt; failed after 5 retries"))
        #expect(incomplete.text.contains("INCOMPLETE data"))
        #expect(incomplete.text.contains("- <b>page 2</b> failed after 5 retries"))
        let complete = try await Self.render(Self.markupFiles())
        #expect(!complete.html.contains("INCOMPLETE"))
        #expect(!complete.text.contains("INCOMPLETE"))
    }

    @Test func dataQualityListsOnlyTheChecksThatFoundSomething() async throws {
        let withIssues = try await Self.render(Self.markupFiles())
        #expect(withIssues.html.contains(">unknown_status<"))
        #expect(withIssues.html.contains(">invalid_phone<"))
        #expect(!withIssues.html.contains(">negative_latency<"))
        #expect(!withIssues.html.contains("No issues found."))

        let clean = try await Self.render([
            UnitSnapshot.page(1): UnitJSON.page(count: 1, rows: [
                UnitJSON.row(sentAt: "2025-11-04T09:00:00+05:45", status: "DELIVERED", phone: "9841000000"),
            ]),
        ])
        #expect(clean.html.contains("No issues found."))
        #expect(clean.text.contains("No issues found."))
    }

    @Test func theHeaderNamesTheSourceAndThePeriod() async throws {
        var files = Self.markupFiles()
        files[UnitSnapshot.manifest] = #"{"complete": true, "base_url": "https://dicesms.asia", "batches": {}, "#
            + #""fetch_finished": "2025-11-06T01:02:13.512000+05:45"}"#
        let page = try await Self.render(files)
        #expect(page.html.contains("https://dicesms.asia"))
        #expect(page.html.contains("2025-11-04 – 2025-11-05"))
        #expect(page.html.contains("2025-11-06 01:02:13 +05:45"))
        #expect(page.html.contains("Asia/Kathmandu"))
        #expect(page.text.contains("Period:        2025-11-04 – 2025-11-05"))
    }

    @Test func theTextTablesAreAlignedInColumns() async throws {
        let page = try await Self.render(Self.markupFiles())
        let lines = page.text.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "By day")) + 1
        let table = Array(lines[start...].prefix { !$0.isEmpty })
        #expect(table.count == 4, "header, rule and two days")
        #expect(table[0].hasPrefix("day"))
        #expect(Set(table.map(\.count)).count == 1, "right-aligned numbers end in the same column: \(table)")
        #expect(table[2].hasPrefix("2025-11-04"))
    }

    @Test func noDeliveriesGiveAPageWithoutNaN() async throws {
        let page = try await Self.render([UnitSnapshot.page(1): UnitJSON.page(count: 0, rows: [])])
        #expect(!page.html.contains("NaN"))
        #expect(page.html.contains("no deliveries"))
        #expect(page.html.contains("No deliveries in the period."))
    }

    @Test func filesAreWrittenUnderTheirNames() async throws {
        let tables = try await UnitReport.tables(Self.markupFiles())
        let folder = try TemporaryFolder()
        let renderer = try SummaryPageRenderer(templates: ReportTemplates.bundled())
        let source = ReportSource(snapshotName: "snap")
        let paths = try renderer.write(tables, source: source, into: folder.path)
        #expect(paths == ["\(folder.path)/report.html", "\(folder.path)/report.txt"])
        #expect(try folder.files() == ["report.html", "report.txt"], "no temporary file is left")
        let html = try String(contentsOfFile: paths[0], encoding: .utf8)
        #expect(html == (try renderer.html(tables, source: source)))
    }
}
