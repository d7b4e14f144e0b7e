import Foundation

/// An email to send: the headers a person sees, a text body, an optional HTML
/// alternative of the same content with the parts it shows in place (inline images),
/// and attachments.
package struct EmailMessage: Sendable {
    /// The From header and the envelope sender.
    package var from: EmailAddress
    /// The To header and the envelope recipients.
    package var to: [EmailAddress]
    /// The subject; any Unicode (encoded per RFC 2047 when not plain ASCII).
    package var subject: String
    /// The text/plain body.
    package var textBody: String
    /// The text/html body, the alternative to ``textBody``; nil for text only.
    package var htmlBody: String?
    /// The parts ``htmlBody`` refers to by `cid:` URL, in order; ignored without an HTML body.
    package var htmlRelatedParts: [EmailRelatedPart]
    /// The attached files, in order.
    package var attachments: [EmailAttachment]

    /// A message.
    package init(from: EmailAddress, to: [EmailAddress], subject: String, textBody: String,
                htmlBody: String? = nil, htmlRelatedParts: [EmailRelatedPart] = [], attachments: [EmailAttachment] = []) {
        self.from = from
        self.to = to
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.htmlRelatedParts = htmlRelatedParts
        self.attachments = attachments
    }

    /// The SMTP envelope: From's address as sender, every To address as recipient.
    package func envelope() throws(SMTPError) -> SMTPEnvelope {
        try SMTPEnvelope(sender: from.address, recipients: to.map(\.address))
    }
}

/// An attached file.
package struct EmailAttachment: Sendable, Equatable {
    /// The name the recipient sees; any Unicode (RFC 2231 encoded when needed).
    package var fileName: String
    /// The MIME type, e.g. ``EmailAttachment/workbookType``.
    package var contentType: String
    /// The file's bytes.
    package var data: Data

    /// An attachment.
    package init(fileName: String, contentType: String, data: Data) {
        self.fileName = fileName
        self.contentType = contentType
        self.data = data
    }

    /// The MIME type of an `.xlsx` workbook.
    package static let workbookType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    /// The MIME type of a `.zip` archive.
    package static let zipType = "application/zip"
}
