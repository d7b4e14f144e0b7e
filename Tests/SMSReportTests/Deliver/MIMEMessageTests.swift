import Foundation
@testable import MailCore
import Testing

@Suite("MIME message")
struct MIMEMessageTests {
    private let rendered = MIMEFixtures.render(MIMEFixtures.message())
    private var text: String { String(decoding: rendered.bytes, as: UTF8.self) }
    private var lines: [String] { MIMEFixtures.lines(rendered.bytes) }

    private func boundaries() -> [String] {
        lines.compactMap { line in
            guard let range = line.range(of: "boundary=\"") else { return nil }
            return String(line[range.upperBound...].dropLast())
        }
    }

    @Test func everyLineEndsWithCRLFAndIsAtMost78Characters() {
        let bytes = rendered.bytes
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            #expect(index > 0 && bytes[index - 1] == UInt8(ascii: "\r"))
        }
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\r") {
            #expect(index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n"))
        }
        #expect(bytes.suffix(2) == [0x0D, 0x0A])
        // The one line over 78 is the workbook's MIME type, which has no space to fold at.
        #expect(lines.filter { $0.count > 78 } == ["Content-Type: \(EmailAttachment.workbookType);"])
        #expect(bytes.allSatisfy { $0 < 0x80 }, "the message is 7-bit: no 8BITMIME needed")
    }

    @Test func structureIsMixedWrappingAlternativeThenAttachments() {
        let types = lines.filter { $0.hasPrefix("Content-Type:") }.map { $0.split(separator: ";")[0] }
        #expect(types == ["Content-Type: multipart/mixed", "Content-Type: multipart/alternative",
                          "Content-Type: text/plain", "Content-Type: text/html",
                          "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          "Content-Type: application/zip"])
    }

    @Test func boundariesAreUniqueAndAbsentFromEveryPart() {
        let found = boundaries()
        #expect(found.count == 2)
        #expect(Set(found).count == 2)
        for boundary in found {
            #expect(boundary.hasPrefix("=_"))
            let delimiterLines = lines.filter { $0.hasPrefix("--\(boundary)") }
            let uses = text.components(separatedBy: boundary).count - 1
            #expect(uses == delimiterLines.count + 1, "the boundary occurs only in its header and its delimiter lines")
        }
        let other = MIMEFixtures.render(MIMEFixtures.message())
        #expect(MIMEMessage.render(MIMEFixtures.message()).messageID != MIMEMessage.render(MIMEFixtures.message()).messageID)
        #expect(other.messageID == rendered.messageID, "seeded renders are reproducible")
    }

    @Test func boundaryPrefixCannotAppearInEncodedContent() {
        // Quoted-printable writes every "=" as "=3D" and base64 has no "_", so no
        // encoded line can contain "=_", the start of every boundary.
        let adversarial = "--=_mixed_ a line that looks like a boundary\n=_alternative_\n"
        let qp = String(decoding: MIMETransferEncoding.quotedPrintable(adversarial), as: UTF8.self)
        #expect(!qp.contains("=_"))
        let base64 = String(decoding: MIMETransferEncoding.base64(Data(adversarial.utf8)), as: UTF8.self)
        #expect(!base64.contains("=_"))
    }

    @Test func headers() {
        #expect(lines.contains("From: SMS Reports <reports@example.com>"))
        #expect(lines.contains("To: ops@acme.example, =?UTF-8?B?QmrDtnJuIE9wcw==?= <bjorn@acme.example>"))
        #expect(lines.contains("Date: Wed, 05 Nov 2025 05:45:00 +0545"))
        #expect(lines.contains("MIME-Version: 1.0"))
        #expect(rendered.messageID.hasPrefix("<") && rendered.messageID.hasSuffix("@example.com>"))
        #expect(lines.contains("Message-ID: \(rendered.messageID)"))
    }

    @Test func subjectIsEncodedWordsThatDecodeToTheSubject() throws {
        let start = try #require(lines.firstIndex { $0.hasPrefix("Subject: ") })
        var words = [String(lines[start].dropFirst("Subject: ".count))]
        var next = start + 1
        while lines[next].hasPrefix(" ") {
            words.append(String(lines[next].dropFirst()))
            next += 1
        }
        var bytes: [UInt8] = []
        for word in words {
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            #expect(word.count <= 75)
            let payload = word.dropFirst("=?UTF-8?B?".count).dropLast(2)
            bytes += try #require(Data(base64Encoded: String(payload)))
            #expect(String(bytes: try #require(Data(base64Encoded: String(payload))), encoding: .utf8) != nil,
                    "each word holds whole characters")
        }
        #expect(String(decoding: bytes, as: UTF8.self) == MIMEFixtures.subject)
    }

    @Test func attachmentsAreBase64In76CharacterLinesThatDecodeToTheFile() throws {
        for attachment in MIMEFixtures.message().attachments {
            let header = try #require(lines.firstIndex { $0.hasPrefix("Content-Disposition: attachment; filename=\"\(attachment.fileName)\"") })
            #expect(lines[header + 1] == "Content-Transfer-Encoding: base64")
            #expect(lines[header + 2].isEmpty)
            let body = lines[(header + 3)...].prefix { !$0.hasPrefix("--") }
            #expect(body.dropLast().allSatisfy { $0.count == 76 })
            #expect(body.allSatisfy { $0.count <= 76 })
            let decoded = try #require(Data(base64Encoded: body.joined()))
            #expect(decoded == attachment.data)
        }
    }

    /// The size guard measures with ``MIMEMessage/encodedSize(of:date:timeZone:)``:
    /// it must be the length of the bytes sent, and dot-stuffing must add none.
    @Test func measuredSizeIsTheLengthOfTheMessageAsSent() {
        let date = Date(timeIntervalSince1970: 1_762_300_800)
        let zone = TimeZone(identifier: "Asia/Kathmandu")!
        var dotted = MIMEFixtures.message()
        dotted.textBody = ".starts with a dot\n" + String(repeating: "x", count: 75) + ".dot after a soft break\n"
        for message in [MIMEFixtures.message(), MIMEFixtures.message(attachments: [], html: nil), dotted] {
            let bytes = MIMEMessage.render(message, date: date, timeZone: zone).bytes
            #expect(MIMEMessage.encodedSize(of: message, date: date, timeZone: zone) == bytes.count)
            #expect(SMTPMessageData.dotStuffed(bytes).count == bytes.count + 3, "only the final .CRLF is added")
        }
    }

    @Test func textOnlyMessageHasNoAlternativePart() {
        let plain = MIMEFixtures.render(MIMEFixtures.message(attachments: [], html: nil))
        let types = MIMEFixtures.lines(plain.bytes).filter { $0.hasPrefix("Content-Type:") }
        #expect(types.count == 2)
        #expect(types.last == "Content-Type: text/plain; charset=utf-8")
    }

    @Test func rfc5322DateUsesTheOffsetOfTheZone() {
        let date = Date(timeIntervalSince1970: 1_762_300_800)
        #expect(MIMEMessage.rfc5322Date(date, timeZone: TimeZone(identifier: "UTC")!) == "Wed, 05 Nov 2025 00:00:00 +0000")
        #expect(MIMEMessage.rfc5322Date(date, timeZone: TimeZone(identifier: "America/St_Johns")!) == "Tue, 04 Nov 2025 20:30:00 -0330")
    }
}
