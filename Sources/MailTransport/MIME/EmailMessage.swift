import Foundation

/// An email to send: the headers a person sees, a text body, an optional HTML
/// alternative of the same content, and attachments.
public struct EmailMessage: Sendable {
    /// The From header and the envelope sender.
    public var from: EmailAddress
    /// The To header and the envelope recipients.
    public var to: [EmailAddress]
    /// The subject; any Unicode (encoded per RFC 2047 when not plain ASCII).
    public var subject: String
    /// The text/plain body.
    public var textBody: String
    /// The text/html body, the alternative to ``textBody``; nil for text only.
    public var htmlBody: String?
    /// The attached files, in order.
    public var attachments: [EmailAttachment]

    /// A message.
    public init(from: EmailAddress, to: [EmailAddress], subject: String, textBody: String,
                htmlBody: String? = nil, attachments: [EmailAttachment] = []) {
        self.from = from
        self.to = to
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.attachments = attachments
    }

    /// The SMTP envelope: From's address as sender, every To address as recipient.
    public func envelope() throws(SMTPError) -> SMTPEnvelope {
        try SMTPEnvelope(sender: from.address, recipients: to.map(\.address))
    }
}

/// An attached file.
public struct EmailAttachment: Sendable, Equatable {
    /// The name the recipient sees; any Unicode (RFC 2231 encoded when needed).
    public var fileName: String
    /// The MIME type, e.g. ``EmailAttachment/workbookType``.
    public var contentType: String
    /// The file's bytes.
    public var data: Data

    /// An attachment.
    public init(fileName: String, contentType: String, data: Data) {
        self.fileName = fileName
        self.contentType = contentType
        self.data = data
    }

    /// The MIME type of an `.xlsx` workbook.
    public static let workbookType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    /// The MIME type of a `.zip` archive.
    public static let zipType = "application/zip"
}
