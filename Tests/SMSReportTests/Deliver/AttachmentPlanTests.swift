@testable import SMSConfig
@testable import SMSRun
import Testing

@Suite("Size guard")
struct AttachmentPlanTests {
    private let workbook = AttachmentCandidate(kind: .workbook, fileName: "report.xlsx", byteCount: 6_000_000,
                                               location: "/srv/reports/acme/2025-11-04/report.xlsx")
    private let archive = AttachmentCandidate(kind: .csvArchive, fileName: "report-csv.zip", byteCount: 3_000_000,
                                              location: "/srv/reports/acme/2025-11-04/")

    @Test func everythingFitsOrThereIsNoLimit() {
        for limit in [nil, 9_000_000, 50_000_000] {
            let plan = AttachmentPlan.plan(workbook: workbook, csvArchive: archive, maximumBytes: limit)
            #expect(plan.attached == [workbook, archive])
            #expect(plan.leftOut.isEmpty)
            #expect(plan.leftOutNote == nil && plan.leftOutNoteHTML == nil)
        }
    }

    @Test func zipGoesFirst() {
        let plan = AttachmentPlan.plan(workbook: workbook, csvArchive: archive, maximumBytes: 8_999_999)
        #expect(plan.attached == [workbook])
        #expect(plan.leftOut == [archive])
    }

    @Test func thenTheWorkbook() {
        let plan = AttachmentPlan.plan(workbook: workbook, csvArchive: archive, maximumBytes: 5_000_000)
        #expect(plan.attached.isEmpty)
        #expect(plan.leftOut == [archive, workbook])
    }

    @Test func theZipAloneIsLeftOutWhenTheWorkbookIsMissing() {
        let plan = AttachmentPlan.plan(workbook: nil, csvArchive: archive, maximumBytes: 1_000_000)
        #expect(plan.attached.isEmpty)
        #expect(plan.leftOut == [archive])
        let none = AttachmentPlan.plan(workbook: nil, csvArchive: nil, maximumBytes: 0)
        #expect(none.attached.isEmpty && none.leftOut.isEmpty)
    }

    @Test func noteNamesEveryLeftOutFileAndWhereItIs() throws {
        let plan = AttachmentPlan.plan(workbook: workbook, csvArchive: archive, maximumBytes: 5_000_000)
        let note = try #require(plan.leftOutNote)
        #expect(note == """
            These files were left out of this email because the attachments would exceed max_attachments_mb (5 MB):
            - report-csv.zip (3 MB): the CSV files are on disk in /srv/reports/acme/2025-11-04/
            - report.xlsx (6 MB) is on disk at /srv/reports/acme/2025-11-04/report.xlsx

            """)
        let html = try #require(plan.leftOutNoteHTML)
        #expect(html.contains("<li>report.xlsx (6 MB) is on disk at /srv/reports/acme/2025-11-04/report.xlsx</li>"))
        #expect(html.contains("max_attachments_mb (5 MB)"))
    }

    @Test func noteEscapesPathsInHTML() throws {
        let odd = AttachmentCandidate(kind: .workbook, fileName: "report.xlsx", byteCount: 10, location: "/tmp/<b>&\"x\"/report.xlsx")
        let html = try #require(AttachmentPlan.plan(workbook: odd, csvArchive: nil, maximumBytes: 1).leftOutNoteHTML)
        #expect(html.contains("/tmp/&lt;b&gt;&amp;&quot;x&quot;/report.xlsx"))
        #expect(!html.contains("<b>"))
    }

    @Test func sizesAreWrittenForPeople() {
        #expect(AttachmentPlan.megabytesText(10_000_000) == "10 MB")
        #expect(AttachmentPlan.megabytesText(2_460_000) == "2.5 MB")
        #expect(AttachmentPlan.megabytesText(12_400_000) == "12 MB")
        #expect(AttachmentPlan.megabytesText(340_000) == "0.3 MB")
        #expect(AttachmentPlan.megabytesText(34_000) == "34 kB")
        #expect(SMTPSettings.attachmentBytes(megabytes: 10) == 10_000_000)
        #expect(SMTPSettings.attachmentBytes(megabytes: 0.5) == 500_000)
    }
}
