import Foundation
@testable import MailCore
import Testing

@Suite("MIME encodings")
struct MIMEEncodingTests {
    private func qp(_ text: String) -> String {
        String(decoding: MIMETransferEncoding.quotedPrintable(text), as: UTF8.self)
    }

    @Test func quotedPrintableBasics() {
        #expect(qp("a=b") == "a=3Db")
        #expect(qp("ab\n") == "ab\r\n")
        #expect(qp("ab") == "ab")
        #expect(qp("x \ny\t\n") == "x=20\r\ny=09\r\n")
        #expect(qp("a\r\nb\rc\n") == "a\r\nb\r\nc\r\n")
        #expect(qp("·") == "=C2=B7")
        #expect(qp("\n\n") == "\r\n\r\n")
    }

    @Test func quotedPrintableSoftBreaksKeepLinesWithin76() {
        let long = String(repeating: "é", count: 40) + String(repeating: "a", count: 200) + " "
        let encoded = qp(long)
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.count <= 76 })
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") })
        #expect(lines.last?.hasSuffix("=20") == true)
        #expect(decodeQuotedPrintable(encoded) == long)
    }

    /// Undoes soft breaks and `=XX` escapes (enough for these tests).
    private func decodeQuotedPrintable(_ encoded: String) -> String {
        let utf8 = Array(encoded.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var bytes: [UInt8] = []
        var position = 0
        while position < utf8.count {
            if utf8[position] == UInt8(ascii: "=") {
                bytes.append(UInt8(String(decoding: utf8[(position + 1)...(position + 2)], as: UTF8.self), radix: 16)!)
                position += 3
            } else {
                bytes.append(utf8[position])
                position += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func quotedPrintableNeverStartsALineWithADot() {
        #expect(qp(".a\n.\nb.c") == "=2Ea\r\n=2E\r\nb.c")
        let afterSoftBreak = qp(String(repeating: "a", count: 75) + ".b")
        #expect(afterSoftBreak == String(repeating: "a", count: 75) + "=\r\n=2Eb")
        #expect(decodeQuotedPrintable(afterSoftBreak) == String(repeating: "a", count: 75) + ".b")
    }

    @Test func base64LengthIsKnownWithoutEncoding() {
        for count in [0, 1, 2, 3, 56, 57, 58, 1000, 40_000] {
            #expect(MIMETransferEncoding.base64Length(ofByteCount: count)
                == MIMETransferEncoding.base64(MIMEFixtures.randomBytes(count, seed: 1)).count)
        }
    }

    @Test func base64LinesAre76CharactersWithCRLF() {
        let encoded = String(decoding: MIMETransferEncoding.base64(MIMEFixtures.randomBytes(1000, seed: 3)), as: UTF8.self)
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.last == "")
        #expect(lines.dropLast(2).allSatisfy { $0.count == 76 })
        #expect(Data(base64Encoded: lines.joined()) == MIMEFixtures.randomBytes(1000, seed: 3))
        #expect(MIMETransferEncoding.base64(Data()).isEmpty)
    }

    @Test func encodedWordsSplitOnlyBetweenCharacters() {
        let words = MIMEHeaderEncoding.encodedWords(String(repeating: "नमस्ते ", count: 10)).split(separator: " ")
        #expect(words.count > 1)
        for word in words {
            #expect(word.count <= 64)
            let payload = String(word.dropFirst("=?UTF-8?B?".count).dropLast(2))
            #expect(String(data: Data(base64Encoded: payload)!, encoding: .utf8) != nil)
        }
    }

    @Test func plainASCIISubjectStaysReadableAndFolds() {
        #expect(MIMEHeaderEncoding.unstructured("Daily report") == "Daily report")
        #expect(MIMEHeaderEncoding.unstructured("looks =?like?= a word").hasPrefix("=?UTF-8?B?"))
        #expect(MIMEHeaderEncoding.unstructured("a\r\nBcc: victim@example.com") == "a  Bcc: victim@example.com")
        let long = String(repeating: "word ", count: 40).trimmingCharacters(in: .whitespaces)
        let folded = MIMEHeaderEncoding.headerLine("Subject", long)
        let lines = folded.components(separatedBy: "\r\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.count <= 78 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") && $0.trimmingCharacters(in: .whitespaces) != "" })
        #expect(folded.replacingOccurrences(of: "\r\n", with: "") == "Subject: \(long)", "unfolding gives the header back")
    }

    @Test func displayNames() {
        #expect(MIMEFixtures.address("SMS Reports <r@example.com>").headerText == "SMS Reports <r@example.com>")
        #expect(MIMEFixtures.address("\"Acme, Inc.\" <r@example.com>").headerText == "\"Acme, Inc.\" <r@example.com>")
        #expect(MIMEFixtures.address("r@example.com").headerText == "r@example.com")
        #expect(MIMEFixtures.address("Ops · Acme <r@example.com>").headerText.hasPrefix("=?UTF-8?B?"))
        #expect(throws: EmailAddressError.self) { try EmailAddress(parsing: "Ops <not an address>") }
        #expect(throws: EmailAddressError.self) { try EmailAddress(parsing: "@example.com") }
    }

    @Test func asciiFileNamesAreQuoted() {
        #expect(MIMEHeaderEncoding.fileNameParameter("report.xlsx") == "filename=\"report.xlsx\"")
        #expect(MIMEHeaderEncoding.nameParameter("a \"b\".zip") == "name=\"a \\\"b\\\".zip\"")
    }

    @Test func nonASCIIFileNamesUseRFC2231AndAnEncodedWordFallback() {
        #expect(MIMEHeaderEncoding.fileNameParameter("rapport-été.xlsx") == "filename*=UTF-8''rapport-%C3%A9t%C3%A9.xlsx")
        #expect(MIMEHeaderEncoding.nameParameter("é.zip") == "name=\"=?UTF-8?B?w6kuemlw?=\"")
    }

    @Test func longFileNamesAreContinuedWithoutSplittingAnEscape() {
        let name = String(repeating: "é", count: 30) + ".xlsx"
        let parameter = MIMEHeaderEncoding.fileNameParameter(name)
        let segments = parameter.components(separatedBy: "; ")
        #expect(segments.count > 1)
        #expect(segments[0].hasPrefix("filename*0*=UTF-8''"))
        #expect(segments[1].hasPrefix("filename*1*="))
        let values = segments.map { String($0[$0.index(after: $0.firstIndex(of: "=")!)...]) }
        let joined = values.joined().replacingOccurrences(of: "UTF-8''", with: "")
        #expect(joined.removingPercentEncoding == name)
        for value in values {
            #expect(!value.hasSuffix("%") && value.dropLast().last != "%", "no %XX is split")
        }
    }

    @Test func dotStuffing() {
        func stuffed(_ text: String) -> String {
            String(decoding: SMTPMessageData.dotStuffed(Array(text.utf8)), as: UTF8.self)
        }
        #expect(stuffed("a\r\n.b\r\n.\r\n") == "a\r\n..b\r\n..\r\n.\r\n")
        #expect(stuffed(".start") == "..start\r\n.\r\n")
        #expect(stuffed("bare\nlf\n") == "bare\r\nlf\r\n.\r\n")
        #expect(stuffed("x.y\r\n") == "x.y\r\n.\r\n")
        #expect(stuffed("") == ".\r\n")
    }
}
