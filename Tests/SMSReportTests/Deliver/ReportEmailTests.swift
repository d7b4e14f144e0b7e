import Foundation
@testable import SMSRun
import Testing

@Suite("Report email composition")
struct ReportEmailTests {
    private func reportFolder(workbookBytes: Int = 2000, csv: Bool = true) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("SMS report · acme\nDelivered 96.2%\n", to: "report.txt")
        try folder.write("<!doctype html>\n<html><BODY style=\"margin:0\">\n<p>Delivered 96.2%</p>\n</body></html>\n", to: "report.html")
        try MIMEFixtures.randomBytes(workbookBytes, seed: 9).write(to: URL(fileURLWithPath: folder.path + "/report.xlsx"))
        if csv {
            try folder.write("day,deliveries\n2025-11-04,10\n", to: "by_day.csv")
            try folder.write("status,count\ndelivered,9\n", to: "by_status.csv")
            try folder.write("hidden", to: ".by_day.csv.tmp-1")
        }
        return folder
    }

    /// Composes from every visible file of `folder`, as a run that wrote them all.
    private func compose(_ folder: TemporaryFolder, limit: Int?) throws -> ReportEmail.Composed {
        try compose(folder, files: try folder.files().filter { !$0.hasPrefix(".") }, limit: limit)
    }

    private func compose(_ folder: TemporaryFolder, files: [String], limit: Int?) throws -> ReportEmail.Composed {
        try ReportEmail.read(folder: folder.path, files: files.map { folder.path + "/" + $0 },
                             from: MIMEFixtures.address("SMS Reports <reports@example.com>"),
                             to: [MIMEFixtures.address("ops@acme.example")], subject: MIMEFixtures.subject)
            .composed(within: MessageSizeLimit(configured: limit), date: Date(), timeZone: .current)
    }

    @Test func bodiesAreTheReportFilesAndBothAttachmentsAreThere() throws {
        let folder = try reportFolder()
        let composed = try compose(folder, limit: nil)
        #expect(composed.message.textBody == "SMS report · acme\nDelivered 96.2%\n")
        #expect(composed.message.htmlBody == (try String(contentsOfFile: folder.path + "/report.html", encoding: .utf8)))
        #expect(composed.message.attachments.map(\.fileName) == ["report.xlsx", "report-csv.zip"])
        #expect(composed.message.attachments[0].data == MIMEFixtures.randomBytes(2000, seed: 9))
        #expect(composed.message.attachments[1].contentType == "application/zip")
        #expect(composed.message.attachments[1].data.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]), "a zip file")
        #expect(composed.plan.leftOut.isEmpty)
    }

    @Test func leftOutFilesAreNamedAtTheTopOfBothBodies() throws {
        let folder = try reportFolder(workbookBytes: 50_000)
        let composed = try compose(folder, limit: 10_000)
        #expect(composed.message.attachments.isEmpty)
        #expect(composed.plan.leftOut.map(\.fileName) == ["report-csv.zip", "report.xlsx"])
        let text = composed.message.textBody
        #expect(text.hasPrefix("These files were left out of this email"))
        #expect(text.contains("report.xlsx (50 kB) is on disk at \(folder.path)/report.xlsx"))
        #expect(text.contains("the CSV files are on disk in \(folder.path)/"))
        #expect(text.hasSuffix("\nSMS report · acme\nDelivered 96.2%\n"), "the report follows the note in full")
        let html = try #require(composed.message.htmlBody)
        #expect(html.hasPrefix("<!doctype html>\n<html><BODY style=\"margin:0\"><table"), "the note opens the body")
        #expect(html.contains("\(folder.path)/report.xlsx"))
        #expect(html.hasSuffix("<p>Delivered 96.2%</p>\n</body></html>\n"))
    }

    @Test func missingOptionalFilesAreSkippedButTheTextIsRequired() throws {
        let folder = try TemporaryFolder()
        try folder.write("only text\n", to: "report.txt")
        let composed = try compose(folder, limit: 1)
        #expect(composed.message.htmlBody == nil)
        #expect(composed.message.attachments.isEmpty)
        #expect(composed.plan.leftOut.isEmpty)
        #expect(composed.message.textBody == "only text\n")

        let empty = try TemporaryFolder()
        #expect(throws: EmailDeliveryError.self) { try compose(empty, limit: nil) }
    }

    @Test func onlyTheFilesThisRunWroteAreAttached() throws {
        let folder = try reportFolder()
        try folder.write("stale,rows\n", to: "by_operator.csv")
        let composed = try compose(folder, files: ["report.txt", "report.html", "by_day.csv"], limit: nil)
        #expect(composed.message.attachments.map(\.fileName) == [ReportEmail.csvArchiveFileName])
        let archive = try #require(composed.message.attachments.first)
        let zipped = String(decoding: archive.data, as: UTF8.self)
        #expect(zipped.contains("by_day.csv"))
        #expect(!zipped.contains("by_status.csv") && !zipped.contains("by_operator.csv"))
        #expect(throws: EmailDeliveryError.self) { try compose(folder, files: ["report.html"], limit: nil) }
    }

    @Test func dryRunWritesTheMessageUnderAFileSafeName() throws {
        let folder = try reportFolder()
        let out = try TemporaryFolder()
        let composed = try compose(folder, limit: nil)
        let path = try EmailDryRun.write(composed.message, folder: out.path + "/eml", account: "acme", period: "2025-11-01_2025-11-15")
        #expect(path == out.path + "/eml/acme_2025-11-01_2025-11-15.eml")
        #expect(try out.files(in: "eml") == ["acme_2025-11-01_2025-11-15.eml"])
        #expect(EmailDryRun.fileName(account: "a/b c", period: "2025-11") == "a%2Fb%20c_2025-11.eml")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(String(decoding: bytes, as: UTF8.self).contains("Content-Type: multipart/mixed"))
    }

    @Test func deliveryErrorsAreExitCode4() {
        let errors: [EmailDeliveryError] = [
            .composeFailed(path: "x", reason: "y"),
            .sendFailed(attempts: 3, lastError: .connectionFailed(host: "h", port: 25, reason: "refused")),
            .dryRunFailed(path: "x", reason: "y"),
        ]
        #expect(errors.allSatisfy { $0.exitStatus == .deliveryFailed })
        #expect(errors[1].description == "email not delivered after 3 attempts: cannot connect to the SMTP server h:25: refused")
    }
}
