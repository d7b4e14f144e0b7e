import Foundation
@testable import MailCore
import Testing

@Suite("MIME multipart/related")
struct MIMERelatedPartTests {
    static let chartID = EmailContentID(local: "chart-1.ab12", domain: "sms-report")!
    static let sparkID = EmailContentID(local: "chart-2.cd34", domain: "sms-report")!

    static func message(html: String? = "<p><img src=\"cid:chart-1.ab12@sms-report\" alt=\"a\"></p>\n") -> EmailMessage {
        var message = MIMEFixtures.message(html: html)
        message.htmlRelatedParts = [
            EmailRelatedPart(contentID: chartID, contentType: EmailRelatedPart.pngType, fileName: "chart-1.png",
                             data: MIMEFixtures.randomBytes(2000, seed: 3)),
            EmailRelatedPart(contentID: sparkID, contentType: EmailRelatedPart.pngType, fileName: "chart-2.png",
                             data: MIMEFixtures.randomBytes(77, seed: 4)),
        ]
        return message
    }

    private let rendered = MIMEFixtures.render(Self.message())
    private var lines: [String] { MIMEFixtures.lines(rendered.bytes) }

    @Test func theHTMLAndItsImagesAreOneRelatedAlternative() {
        let types = lines.filter { $0.hasPrefix("Content-Type:") }.map { $0.split(separator: ";")[0] }
        #expect(types == ["Content-Type: multipart/mixed", "Content-Type: multipart/alternative",
                          "Content-Type: text/plain", "Content-Type: multipart/related", "Content-Type: text/html",
                          "Content-Type: image/png", "Content-Type: image/png",
                          "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          "Content-Type: application/zip"])
        // The header is folded at 78 characters: unfold it (RFC 5322 §2.2.3).
        let unfolded = String(decoding: rendered.bytes, as: UTF8.self).replacingOccurrences(of: "\r\n ", with: " ")
        let related = unfolded.components(separatedBy: "\r\n").first { $0.hasPrefix("Content-Type: multipart/related") }
        #expect(related?.hasSuffix("; type=\"text/html\"") == true)
    }

    @Test func eachImageIsInlineWithItsContentIDAndBase64() throws {
        let header = try #require(lines.firstIndex(of: "Content-Type: image/png; name=\"chart-1.png\""))
        #expect(Array(lines[header + 1...header + 3]) == [
            "Content-Disposition: inline; filename=\"chart-1.png\"",
            "Content-Transfer-Encoding: base64",
            "Content-ID: <chart-1.ab12@sms-report>",
        ])
        #expect(lines[header + 4] == "")
        let base64 = lines[(header + 5)...].prefix { !$0.hasPrefix("--") }.joined()
        #expect(Data(base64Encoded: base64) == MIMEFixtures.randomBytes(2000, seed: 3))
        #expect(lines.contains("Content-ID: <chart-2.cd34@sms-report>"))
    }

    @Test func theRelatedBoundaryClosesBeforeTheAlternativeOne() throws {
        let boundaries = lines.compactMap { line -> String? in
            guard let range = line.range(of: "boundary=\"") else { return nil }
            return String(line[range.upperBound...].prefix { $0 != "\"" })
        }
        #expect(boundaries.count == 3 && Set(boundaries).count == 3)
        let related = try #require(boundaries.first { $0.hasPrefix("=_related_") })
        let alternative = try #require(boundaries.first { $0.hasPrefix("=_alternative_") })
        let closeRelated = try #require(lines.firstIndex(of: "--\(related)--"))
        let closeAlternative = try #require(lines.firstIndex(of: "--\(alternative)--"))
        #expect(closeRelated + 1 == closeAlternative)
        #expect(lines.filter { $0 == "--\(related)" }.count == 3, "the HTML and two images")
    }

    @Test func theEncodedSizeCountsTheImages() {
        let date = Date(timeIntervalSince1970: 1_762_300_800)
        let zone = TimeZone(identifier: "Asia/Kathmandu")!
        let message = Self.message()
        let size = MIMEMessage.encodedSize(of: message, date: date, timeZone: zone)
        #expect(size == MIMEMessage.render(message, date: date, timeZone: zone).bytes.count)
        var withoutImages = message
        withoutImages.htmlRelatedParts = []
        #expect(size > MIMEMessage.encodedSize(of: withoutImages, date: date, timeZone: zone) + 2000 * 4 / 3)
    }

    @Test func withoutAnHTMLBodyRelatedPartsAreNotSent() {
        let message = Self.message(html: nil)
        let rendered = MIMEFixtures.render(message)
        let text = String(decoding: rendered.bytes, as: UTF8.self)
        #expect(!text.contains("image/png") && !text.contains("multipart/related"))
        let date = Date(timeIntervalSince1970: 1_762_300_800)
        let zone = TimeZone(identifier: "Asia/Kathmandu")!
        #expect(MIMEMessage.encodedSize(of: message, date: date, timeZone: zone)
            == MIMEMessage.render(message, date: date, timeZone: zone).bytes.count)
    }

    @Test func contentIDsAreLettersDigitsDotsDashesAndUnderscores() {
        #expect(Self.chartID.url == "cid:chart-1.ab12@sms-report")
        #expect(Self.chartID.headerValue == "<chart-1.ab12@sms-report>")
        for (local, domain) in [("", "x"), ("a", ""), ("a b", "x"), ("a", "x>y"), ("a@b", "x"), ("ä", "x"), ("a", "x\r\ny")] {
            #expect(EmailContentID(local: local, domain: domain) == nil, "\(local)@\(domain)")
        }
    }
}
