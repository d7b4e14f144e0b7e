import Foundation

/// Renders an ``EmailMessage`` as an RFC 5322 message with MIME (RFC 2045–2047,
/// 2183, 2231), CRLF line endings throughout:
///
/// ```
/// multipart/mixed
/// ├── multipart/alternative
/// │   ├── text/plain; charset=utf-8   (quoted-printable)
/// │   └── multipart/related; type="text/html"   (only with related parts)
/// │       ├── text/html; charset=utf-8          (quoted-printable)
/// │       └── one inline part per related part  (base64, with its Content-ID)
/// └── one part per attachment         (base64, 76-character lines)
/// ```
///
/// Text parts are quoted-printable: the reports are mostly ASCII, so the message
/// stays about a third smaller than with base64 and a saved `.eml` can be read as
/// is, while long lines and non-ASCII text are still safe for any relay. The
/// boundaries start with `=_`, which neither encoding can produce at the start of
/// a line (quoted-printable writes `=` as `=3D`; base64 has no `_`), and carry a
/// random part, so they cannot occur in the content.
package enum MIMEMessage {
    /// A rendered message with its Message-ID.
    package struct Rendered: Sendable {
        /// The whole message, headers and body, with CRLF line endings.
        package let bytes: [UInt8]
        /// The Message-ID header's value, `<…@domain>`.
        package let messageID: String
    }

    /// Renders `message`, dated `date` in `timeZone`, with random boundaries and
    /// Message-ID.
    package static func render(_ message: EmailMessage, date: Date = Date(), timeZone: TimeZone = .current) -> Rendered {
        render(message, date: date, timeZone: timeZone, token: newToken())
    }

    /// Renders `message` with boundaries and Message-ID drawn from `generator`.
    package static func render(_ message: EmailMessage, date: Date, timeZone: TimeZone,
                       using generator: inout some RandomNumberGenerator) -> Rendered {
        render(message, date: date, timeZone: timeZone, token: randomToken(using: &generator))
    }

    /// The size in bytes of `message` rendered with `date` and `timeZone`: exactly
    /// the length of ``render(_:date:timeZone:)``'s bytes (the random part is always
    /// 32 characters), without base64-encoding the attachments and related parts.
    package static func encodedSize(of message: EmailMessage, date: Date, timeZone: TimeZone) -> Int {
        var skeleton = message
        skeleton.attachments = message.attachments.map { EmailAttachment(fileName: $0.fileName, contentType: $0.contentType, data: Data()) }
        skeleton.htmlRelatedParts = message.htmlRelatedParts.map {
            EmailRelatedPart(contentID: $0.contentID, contentType: $0.contentType, fileName: $0.fileName, data: Data())
        }
        let bodies = render(skeleton, date: date, timeZone: timeZone, token: String(repeating: "0", count: 32)).bytes.count
        let related = message.htmlBody == nil ? [] : message.htmlRelatedParts.map(\.data.count)
        return (message.attachments.map(\.data.count) + related).reduce(bodies) {
            $0 + MIMETransferEncoding.base64Length(ofByteCount: $1)
        }
    }

    /// A fresh random part for boundaries and Message-ID: 32 lowercase hex digits.
    package static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return randomToken(using: &generator)
    }

    /// Renders `message` with `token` (from ``newToken()``) as the random part of
    /// its boundaries and Message-ID: the same token, date and message give the
    /// same bytes.
    package static func render(_ message: EmailMessage, date: Date, timeZone: TimeZone, token: String) -> Rendered {
        let messageID = "<\(token).\(Int(date.timeIntervalSince1970))@\(messageIDDomain(message.from))>"
        let mixedBoundary = "=_mixed_\(token)"
        let alternativeBoundary = "=_alternative_\(token)"
        let relatedBoundary = "=_related_\(token)"

        var output = MIMEWriter()
        output.header("From", message.from.headerText)
        output.header("To", message.to.map(\.headerText).joined(separator: ", "))
        output.header("Subject", MIMEHeaderEncoding.unstructured(message.subject))
        output.header("Date", rfc5322Date(date, timeZone: timeZone))
        output.header("Message-ID", messageID)
        output.header("MIME-Version", "1.0")
        output.header("Auto-Submitted", "auto-generated")
        output.header("Content-Type", "multipart/mixed; boundary=\"\(mixedBoundary)\"")
        output.line("")
        output.line("This is a message in MIME format.")

        output.boundary(mixedBoundary)
        if let html = message.htmlBody {
            output.header("Content-Type", "multipart/alternative; boundary=\"\(alternativeBoundary)\"")
            output.line("")
            output.boundary(alternativeBoundary)
            output.textPart(message.textBody, subtype: "plain")
            output.boundary(alternativeBoundary)
            if message.htmlRelatedParts.isEmpty {
                output.textPart(html, subtype: "html")
            } else {
                output.header("Content-Type", "multipart/related; boundary=\"\(relatedBoundary)\"; type=\"text/html\"")
                output.line("")
                output.boundary(relatedBoundary)
                output.textPart(html, subtype: "html")
                for part in message.htmlRelatedParts {
                    output.boundary(relatedBoundary)
                    output.filePart(part.data, contentType: part.contentType, fileName: part.fileName,
                                    disposition: "inline", contentID: part.contentID)
                }
                output.closingBoundary(relatedBoundary)
            }
            output.closingBoundary(alternativeBoundary)
        } else {
            output.textPart(message.textBody, subtype: "plain")
        }
        for attachment in message.attachments {
            output.boundary(mixedBoundary)
            output.filePart(attachment.data, contentType: attachment.contentType, fileName: attachment.fileName,
                            disposition: "attachment")
        }
        output.closingBoundary(mixedBoundary)
        return Rendered(bytes: output.bytes, messageID: messageID)
    }

    /// `Tue, 04 Nov 2025 01:00:00 +0545` (RFC 5322 §3.3).
    package static func rfc5322Date(_ date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let offsetMinutes = timeZone.secondsFromGMT(for: date) / 60
        let sign = offsetMinutes < 0 ? "-" : "+"
        let day = String(format: "%02d", parts.day!)
        let time = String(format: "%02d:%02d:%02d", parts.hour!, parts.minute!, parts.second!)
        let offset = String(format: "%02d%02d", abs(offsetMinutes) / 60, abs(offsetMinutes) % 60)
        return "\(weekdays[parts.weekday! - 1]), \(day) \(months[parts.month! - 1]) \(parts.year!) \(time) \(sign)\(offset)"
    }

    /// The sender's domain when it is a plain host name, else `sms-report.invalid`.
    private static func messageIDDomain(_ from: EmailAddress) -> String {
        let domain = from.domain
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.".utf8)
        return !domain.isEmpty && domain.utf8.allSatisfy(allowed.contains) ? domain : "sms-report.invalid"
    }

    /// 32 random lowercase hex digits.
    private static func randomToken(using generator: inout some RandomNumberGenerator) -> String {
        (0..<2).map { _ in
            let value = generator.next() as UInt64
            let hex = String(value, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}

/// Appends message text with CRLF line endings.
private struct MIMEWriter {
    private(set) var bytes: [UInt8] = []

    mutating func line(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        bytes.append(contentsOf: [0x0D, 0x0A])
    }

    mutating func header(_ name: String, _ value: String) {
        line(MIMEHeaderEncoding.headerLine(name, value))
    }

    /// Appends encoded content; when it does not end with a line break, one is
    /// added, since a boundary line always starts on a line of its own.
    mutating func bytes(_ content: [UInt8], endsWithLineBreak: Bool) {
        bytes.append(contentsOf: content)
        if !endsWithLineBreak {
            bytes.append(contentsOf: [0x0D, 0x0A])
        }
    }

    /// A text part, quoted-printable. The CRLF before the next boundary belongs to
    /// the boundary (RFC 2046 §5.1.1), so the text keeps its exact last line.
    mutating func textPart(_ text: String, subtype: String) {
        header("Content-Type", "text/\(subtype); charset=utf-8")
        header("Content-Transfer-Encoding", "quoted-printable")
        line("")
        bytes(MIMETransferEncoding.quotedPrintable(text), endsWithLineBreak: false)
    }

    /// A file's part, base64: an attachment, or an inline part with its Content-ID.
    mutating func filePart(_ data: Data, contentType: String, fileName: String, disposition: String,
                           contentID: EmailContentID? = nil) {
        header("Content-Type", "\(contentType); \(MIMEHeaderEncoding.nameParameter(fileName))")
        header("Content-Disposition", "\(disposition); \(MIMEHeaderEncoding.fileNameParameter(fileName))")
        header("Content-Transfer-Encoding", "base64")
        if let contentID {
            header("Content-ID", contentID.headerValue)
        }
        line("")
        bytes(MIMETransferEncoding.base64(data), endsWithLineBreak: true)
    }

    mutating func boundary(_ boundary: String) {
        line("--\(boundary)")
    }

    mutating func closingBoundary(_ boundary: String) {
        line("--\(boundary)--")
    }
}
