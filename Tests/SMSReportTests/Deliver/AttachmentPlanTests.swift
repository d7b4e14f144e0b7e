@testable import SMSConfig
@testable import SMSRun
import Testing

@Suite("Size guard")
struct AttachmentPlanTests {
    private let workbook = AttachmentCandidate(kind: .workbook, fileName: "report.xlsx", byteCount: 6_000_000,
                                               location: "/srv/reports/acme/2025-11-04/report.xlsx")
    private let archive = AttachmentCandidate(kind: .csvArchive, fileName: "report-csv.zip", byteCount: 3_000_000,
                                              location: "/srv/reports/acme/2025-11-04/")

    /// The message's size as base64 makes it: each attached file's 4/3, plus 1,000
    /// bytes of headers and bodies, plus 200 per file left out (its line in the note).
    private func encodedSize(_ plan: AttachmentPlan) -> Int {
        plan.attached.reduce(1_000) { $0 + $1.byteCount * 4 / 3 } + plan.leftOut.count * 200
    }

    private func plan(_ workbook: AttachmentCandidate?, _ archive: AttachmentCandidate?, configured: Int?,
                      server: Int? = nil) -> AttachmentPlan {
        AttachmentPlan.plan(workbook: workbook, csvArchive: archive, limit: MessageSizeLimit(configured: configured, server: server),
                            messageSize: encodedSize)
    }

    @Test func everythingFitsOrThereIsNoLimit() {
        for limit in [nil, 12_001_000, 50_000_000] {
            let plan = plan(workbook, archive, configured: limit)
            #expect(plan.attached == [workbook, archive])
            #expect(plan.leftOut.isEmpty && plan.reason == nil && plan.reasonText == nil)
            #expect(plan.leftOutNote == nil && plan.leftOutNoteHTML == nil)
        }
    }

    @Test func theLimitIsOnTheEncodedMessageNotOnTheFiles() {
        // The files (9 MB) are within 10 MB; the message with them (12 MB) is not.
        let plan = plan(workbook, archive, configured: 10_000_000)
        #expect(plan.attached == [workbook])
        #expect(plan.leftOut == [archive])
    }

    @Test func theServersSIZEIsTheLimitWhenItIsSmaller() {
        let plan = plan(workbook, archive, configured: 50_000_000, server: 5_000_000)
        #expect(plan.attached.isEmpty)
        #expect(plan.reason == .overLimit(MessageSizeLimit(configured: 50_000_000, server: 5_000_000)))
        #expect(plan.reasonText == "with them it would be larger than 5 MB, the mail server's limit (SIZE 5000000)")
        #expect(MessageSizeLimit(configured: 5_000_000, server: 9_000_000).description == "5 MB, the limit of max_attachments_mb")
        #expect(MessageSizeLimit(configured: nil).description == nil)
    }

    @Test func zipGoesFirst() {
        let plan = plan(workbook, archive, configured: 9_001_200)
        #expect(plan.attached == [workbook])
        #expect(plan.leftOut == [archive])
    }

    @Test func thenTheWorkbookAndTheBodiesGoEvenOverTheLimit() {
        let plan = plan(workbook, archive, configured: 100)
        #expect(plan.attached.isEmpty)
        #expect(plan.leftOut == [archive, workbook])
        #expect(encodedSize(plan) > 100, "the smallest message is still sent")
    }

    @Test func theZipAloneIsLeftOutWhenTheWorkbookIsMissing() {
        let plan = plan(nil, archive, configured: 1_000_000)
        #expect(plan.attached.isEmpty)
        #expect(plan.leftOut == [archive])
        let none = self.plan(nil, nil, configured: 0)
        #expect(none.attached.isEmpty && none.leftOut.isEmpty)
    }

    @Test func afterARefusalEveryFileIsLeftOutInTheContractsOrder() {
        let refused = AttachmentPlan.withoutAttachments(after: plan(workbook, archive, configured: nil),
                                                        refusal: "552 Error: Too much mail data")
        #expect(refused.attached.isEmpty)
        #expect(refused.leftOut == [archive, workbook])
        #expect(refused.reasonText == "the mail server refused it as too big with them (552 Error: Too much mail data)")
    }

    @Test func noteNamesEveryLeftOutFileAndWhereItIs() throws {
        let plan = plan(workbook, archive, configured: 5_000_000)
        let note = try #require(plan.leftOutNote)
        #expect(note == """
            These files were left out of this email because with them it would be larger than 5 MB, the limit of max_attachments_mb:
            - report-csv.zip (3 MB): the CSV files are on disk in /srv/reports/acme/2025-11-04/
            - report.xlsx (6 MB) is on disk at /srv/reports/acme/2025-11-04/report.xlsx

            """)
        let html = try #require(plan.leftOutNoteHTML)
        #expect(html.contains("<li>report.xlsx (6 MB) is on disk at /srv/reports/acme/2025-11-04/report.xlsx</li>"))
        #expect(html.contains("5 MB, the limit of max_attachments_mb"))
    }

    @Test func noteEscapesPathsInHTML() throws {
        let odd = AttachmentCandidate(kind: .workbook, fileName: "report.xlsx", byteCount: 10, location: "/tmp/<b>&\"x\"/report.xlsx")
        let html = try #require(plan(odd, nil, configured: 1).leftOutNoteHTML)
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
