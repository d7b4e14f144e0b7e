import Foundation
import MailTransport

/// The report email of one account and period (contract §8), built from the files
/// that the run wrote into the report folder: `report.txt` as the text part, `report.html` as the HTML
/// part, and as attachments `report.xlsx` and the CSV files zipped into
/// `report-csv.zip`, within `max_attachments_mb` (``AttachmentPlan``).
package enum ReportEmail {
    /// The text part's file.
    package static let textFileName = "report.txt"
    /// The HTML part's file.
    package static let htmlFileName = "report.html"
    /// The workbook attachment's file.
    package static let workbookFileName = "report.xlsx"
    /// The name of the attached zip of the CSV files.
    package static let csvArchiveFileName = "report-csv.zip"

    /// A composed email and the size guard's decision, for the run's log and `run.json`.
    package struct Composed: Sendable {
        /// The message to send or to write as `.eml`.
        package let message: EmailMessage
        /// What was attached and what was left out.
        package let plan: AttachmentPlan
    }

    /// Builds the email from `files`, the paths a report run wrote into `folder`:
    /// nothing else in the folder is read, so a file of an earlier run is never
    /// mailed. `report.txt` must be among them; `report.html`, `report.xlsx` and the
    /// `*.csv` files are used when they are. When the size guard leaves files out,
    /// both bodies start with a note naming them and where they are on disk.
    /// - Parameters:
    ///   - maximumAttachmentBytes: `max_attachments_mb` in bytes (see
    ///     `SMTPSettings.attachmentBytes(megabytes:)`), nil for no limit.
    ///   - csvByteOrderMark: true (the default, as `csv_bom: email`) to start each CSV in
    ///     the zip with a UTF-8 byte order mark (contract §5), so that Excel reads it as UTF-8.
    package static func compose(folder: String, files: [String], from: EmailAddress, to: [EmailAddress], subject: String,
                               maximumAttachmentBytes: Int?, csvByteOrderMark: Bool = true) throws(EmailDeliveryError) -> Composed {
        let folderURL = URL(fileURLWithPath: folder, isDirectory: true)
        let written = Dictionary(files.map { (URL(fileURLWithPath: $0).lastPathComponent, $0) }, uniquingKeysWith: { first, _ in first })
        guard let textPath = written[textFileName] else {
            throw .composeFailed(path: folderURL.appendingPathComponent(textFileName).path, reason: "the report run did not write it")
        }
        let text = try readText(URL(fileURLWithPath: textPath))
        let html = try written[htmlFileName].map { path throws(EmailDeliveryError) in
            try decodeText(try read(URL(fileURLWithPath: path)), path: path)
        }
        let workbookURL = folderURL.appendingPathComponent(workbookFileName)
        let workbook = try written[workbookFileName].map { path throws(EmailDeliveryError) in try read(URL(fileURLWithPath: path)) }
        let csvFiles = written.filter { $0.key.hasSuffix(".csv") }.sorted { $0.key < $1.key }.map(\.value)
        let archive: Data? = csvFiles.isEmpty ? nil : try CSVArchive.zip(csvFiles, byteOrderMark: csvByteOrderMark)

        let plan = AttachmentPlan.plan(
            workbook: workbook.map { AttachmentCandidate(kind: .workbook, fileName: workbookFileName,
                                                         byteCount: $0.count, location: workbookURL.path) },
            csvArchive: archive.map { AttachmentCandidate(kind: .csvArchive, fileName: csvArchiveFileName,
                                                          byteCount: $0.count, location: folderURL.path + "/") },
            maximumBytes: maximumAttachmentBytes)
        let attachments = plan.attached.map { candidate -> EmailAttachment in
            switch candidate.kind {
            case .workbook:
                // safe: the plan attaches the workbook only when it was read.
                return EmailAttachment(fileName: workbookFileName, contentType: EmailAttachment.workbookType, data: workbook!)
            case .csvArchive:
                // safe: the plan attaches the archive only when it was built.
                return EmailAttachment(fileName: csvArchiveFileName, contentType: EmailAttachment.zipType, data: archive!)
            }
        }
        let message = EmailMessage(
            from: from, to: to, subject: subject,
            textBody: plan.leftOutNote.map { $0 + "\n" + text } ?? text,
            htmlBody: html.map { html in plan.leftOutNoteHTML.map { insertAfterBodyTag($0, into: html) } ?? html },
            attachments: attachments)
        return Composed(message: message, plan: plan)
    }

    /// `html` with `block` right after its `<body …>` tag, or in front when it has none.
    package static func insertAfterBodyTag(_ block: String, into html: String) -> String {
        guard let bodyStart = html.range(of: "<body", options: .caseInsensitive),
              let tagEnd = html[bodyStart.upperBound...].firstIndex(of: ">") else {
            return block + html
        }
        let insertion = html.index(after: tagEnd)
        return String(html[..<insertion]) + block + String(html[insertion...])
    }

    private static func read(_ url: URL) throws(EmailDeliveryError) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw .composeFailed(path: url.path, reason: "cannot read the file")
        }
    }

    private static func readText(_ url: URL) throws(EmailDeliveryError) -> String {
        try decodeText(try read(url), path: url.path)
    }

    private static func decodeText(_ data: Data, path: String) throws(EmailDeliveryError) -> String {
        guard let text = String(data: data, encoding: .utf8) else {
            throw .composeFailed(path: path, reason: "the file is not UTF-8 text")
        }
        return text
    }
}
