import Foundation
@testable import MailCore

/// Messages and helpers shared by the MIME and delivery tests.
enum MIMEFixtures {
    static let subject = "SMS report · acme · 2025-11-04 · 96.2% delivered"

    static func address(_ text: String) -> EmailAddress {
        // safe: the fixtures' addresses are valid.
        try! EmailAddress(parsing: text)
    }

    /// A message with Nepali text, lines that start with dots, long lines, and two
    /// binary attachments.
    static func message(attachments: [EmailAttachment]? = nil, html: String? = "<html><body><p>Delivered: 96.2%</p></body></html>\n")
        -> EmailMessage {
        EmailMessage(
            from: address("SMS Reports <reports@example.com>"),
            to: [address("ops@acme.example"), address("Björn Ops <bjorn@acme.example>")],
            subject: subject,
            textBody: "SMS report for acme\n.hidden line\n.\n..\nनमस्ते · 96.2%\n" + String(repeating: "long line ", count: 30) + "\nend   \n",
            htmlBody: html,
            attachments: attachments ?? [
                EmailAttachment(fileName: "report.xlsx", contentType: EmailAttachment.workbookType, data: randomBytes(5000, seed: 1)),
                EmailAttachment(fileName: "report-csv.zip", contentType: EmailAttachment.zipType, data: randomBytes(3001, seed: 2)),
            ])
    }

    /// Deterministic pseudo-random bytes.
    static func randomBytes(_ count: Int, seed: UInt64) -> Data {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        return Data((0..<count).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        })
    }

    static func render(_ message: EmailMessage) -> MIMEMessage.Rendered {
        var generator = SeededGenerator(state: 42)
        return MIMEMessage.render(message, date: Date(timeIntervalSince1970: 1_762_300_800),
                                  timeZone: TimeZone(identifier: "Asia/Kathmandu")!, using: &generator)
    }

    /// The message's lines, split at CRLF.
    static func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
    }
}
