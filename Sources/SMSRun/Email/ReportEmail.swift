import Foundation
import MailCore

/// The report email of one account and period (contract §8), built from the files
/// that the run wrote into the report folder: `report.txt` as the text part, `report.html` as the HTML
/// part with its charts as inline PNG images (``EmailChartImages``), and as attachments `report.xlsx` and the CSV files zipped into
/// `report-csv.zip`, as far as the size guard lets them in (``AttachmentPlan``).
/// The files are read once; the message is composed per limit, since the server's
/// SIZE is only known after EHLO.
package struct ReportEmail: Sendable {
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

    private let from: EmailAddress
    private let to: [EmailAddress]
    private let subject: String
    private let text: String
    private let html: String?
    private let chartImages: [EmailRelatedPart]
    private let workbook: Data?
    private let archive: Data?
    private let folderPath: String
    /// One line per chart of `report.html` that could not be drawn as an image and is
    /// text in the email instead; the run logs each as a warning.
    package let chartProblems: [String]

    /// Reads the email's content from `files`, the paths a report run wrote into
    /// `folder`: nothing else in the folder is read, so a file of an earlier run is
    /// never mailed. `report.txt` must be among them; `report.html`, `report.xlsx`
    /// and the `*.csv` files are used when they are.
    /// - Parameter csvByteOrderMark: true (the default, as `csv_bom: email`) to start each
    ///   CSV in the zip with a UTF-8 byte order mark (contract §5), so that Excel reads it as UTF-8.
    package static func read(folder: String, files: [String], from: EmailAddress, to: [EmailAddress],
                             subject: String, csvByteOrderMark: Bool = true) throws(EmailDeliveryError) -> ReportEmail {
        let folderURL = URL(fileURLWithPath: folder, isDirectory: true)
        let written = Dictionary(files.map { (URL(fileURLWithPath: $0).lastPathComponent, $0) }, uniquingKeysWith: { first, _ in first })
        guard let textPath = written[textFileName] else {
            throw .composeFailed(path: folderURL.appendingPathComponent(textFileName).path, reason: "the report run did not write it")
        }
        let text = try readText(URL(fileURLWithPath: textPath))
        let charts = try written[htmlFileName].map { path throws(EmailDeliveryError) in
            EmailChartImages.replacingCharts(in: try decodeText(try read(URL(fileURLWithPath: path)), path: path),
                                             folder: folderURL.path)
        }
        let workbook = try written[workbookFileName].map { path throws(EmailDeliveryError) in try read(URL(fileURLWithPath: path)) }
        let csvFiles = written.filter { $0.key.hasSuffix(".csv") }.sorted { $0.key < $1.key }.map(\.value)
        let archive: Data? = csvFiles.isEmpty ? nil : try CSVArchive.zip(csvFiles, byteOrderMark: csvByteOrderMark)
        return ReportEmail(from: from, to: to, subject: subject, text: text, html: charts?.html,
                           chartImages: charts?.images ?? [], workbook: workbook, archive: archive,
                           folderPath: folderURL.path, chartProblems: charts?.problems ?? [])
    }

    /// The message within `limit`, measured as ``MIMEMessage/render(_:date:timeZone:)``
    /// writes it for `date` and `timeZone`, chart images included. When the size guard
    /// leaves files out, both bodies start with a note naming them and where they are on
    /// disk. The chart images are part of the HTML body: they are never left out.
    package func composed(within limit: MessageSizeLimit, date: Date, timeZone: TimeZone) -> Composed {
        let plan = AttachmentPlan.plan(workbook: candidates.workbook, csvArchive: candidates.csvArchive, limit: limit) { plan in
            MIMEMessage.encodedSize(of: message(plan), date: date, timeZone: timeZone)
        }
        return Composed(message: message(plan), plan: plan)
    }

    /// The message to send once more after `refused` was refused as too big with
    /// `reply`: no attachments, and the note names every file.
    package func composedWithoutAttachments(after refused: AttachmentPlan, reply: String) -> Composed {
        let plan = AttachmentPlan.withoutAttachments(after: refused, refusal: reply)
        return Composed(message: message(plan), plan: plan)
    }

    /// The SMTP envelope: the sender's address and every recipient's.
    package func envelope() throws(SMTPError) -> SMTPEnvelope {
        try EmailMessage(from: from, to: to, subject: subject, textBody: text).envelope()
    }

    private var candidates: (workbook: AttachmentCandidate?, csvArchive: AttachmentCandidate?) {
        (workbook.map { AttachmentCandidate(kind: .workbook, fileName: Self.workbookFileName, byteCount: $0.count,
                                            location: folderPath + "/" + Self.workbookFileName) },
         archive.map { AttachmentCandidate(kind: .csvArchive, fileName: Self.csvArchiveFileName, byteCount: $0.count,
                                           location: folderPath + "/") })
    }

    private func message(_ plan: AttachmentPlan) -> EmailMessage {
        let attachments = plan.attached.compactMap { candidate -> EmailAttachment? in
            switch candidate.kind {
            case .workbook:
                return workbook.map { EmailAttachment(fileName: Self.workbookFileName, contentType: EmailAttachment.workbookType, data: $0) }
            case .csvArchive:
                return archive.map { EmailAttachment(fileName: Self.csvArchiveFileName, contentType: EmailAttachment.zipType, data: $0) }
            }
        }
        return EmailMessage(
            from: from, to: to, subject: subject,
            textBody: plan.leftOutNote.map { $0 + "\n" + text } ?? text,
            htmlBody: html.map { html in plan.leftOutNoteHTML.map { Self.insertAfterBodyTag($0, into: html) } ?? html },
            htmlRelatedParts: chartImages, attachments: attachments)
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
