@testable import MailCore
import Testing

@Suite("SMTP reply parsing")
struct SMTPReplyParserTests {
    private func replies(_ chunks: [String]) throws -> [SMTPReply] {
        var parser = SMTPReplyParser()
        var found: [SMTPReply] = []
        for chunk in chunks {
            parser.append(Array(chunk.utf8))
            while let reply = try parser.nextReply() {
                found.append(reply)
            }
        }
        return found
    }

    @Test func singleLineReply() throws {
        #expect(try replies(["220 mail.example.com ESMTP ready\r\n"])
            == [SMTPReply(code: 220, lines: ["mail.example.com ESMTP ready"])])
    }

    @Test func multiLineReplyIsOneReply() throws {
        let ehlo = "250-mail.example.com\r\n250-PIPELINING\r\n250-AUTH PLAIN LOGIN\r\n250 STARTTLS\r\n"
        #expect(try replies([ehlo])
            == [SMTPReply(code: 250, lines: ["mail.example.com", "PIPELINING", "AUTH PLAIN LOGIN", "STARTTLS"])])
    }

    @Test func replySplitAcrossReadsAndSeveralInOneRead() throws {
        let found = try replies(["25", "0-first\r", "\n250 second\r\n354 go", " ahead\r\n"])
        #expect(found == [SMTPReply(code: 250, lines: ["first", "second"]), SMTPReply(code: 354, lines: ["go ahead"])])
    }

    @Test func bareLineFeedAndCodeWithoutText() throws {
        #expect(try replies(["250\n", "221 bye\n"]) == [SMTPReply(code: 250, lines: [""]), SMTPReply(code: 221, lines: ["bye"])])
    }

    @Test func incompleteReplyWaitsAndIsBuffered() throws {
        var parser = SMTPReplyParser()
        parser.append(Array("250-one\r\n".utf8))
        #expect(try parser.nextReply() == nil)
        #expect(parser.hasBufferedBytes)
        parser.append(Array("250 two\r\n".utf8))
        #expect(try parser.nextReply() == SMTPReply(code: 250, lines: ["one", "two"]))
        #expect(!parser.hasBufferedBytes)
    }

    @Test(arguments: ["hello\r\n", "2x0 nope\r\n", "250_x\r\n", "650 out of range\r\n", "250-a\r\n251 b\r\n"])
    func malformedRepliesAreErrors(_ bytes: String) {
        #expect(throws: SMTPError.self) { try replies([bytes]) }
    }

    @Test func endlessLineIsAnError() {
        var parser = SMTPReplyParser()
        parser.append([UInt8](repeating: UInt8(ascii: "2"), count: SMTPReplyParser.maximumLineLength + 1))
        #expect(throws: SMTPError.self) { try parser.nextReply() }
    }

    @Test func replyTextShowsControlCharactersAsSpaces() {
        #expect(SMTPReply(code: 550, lines: ["bad\u{1B}[31m", "x"]).description == "550 bad [31m x")
    }

    @Test func capabilitiesFromEHLO() {
        let reply = SMTPReply(code: 250, lines: ["mx", "SIZE 1000", "auth login plain", "AUTH=CRAM-MD5 PLAIN", "starttls"])
        let capabilities = SMTPCapabilities(ehloReply: reply)
        #expect(capabilities.offersStartTLS)
        #expect(capabilities.authenticationMechanisms == ["LOGIN", "PLAIN", "CRAM-MD5"])
        #expect(SMTPCapabilities(ehloReply: SMTPReply(code: 250, lines: ["STARTTLS only in greeting"])) == .none)
        #expect(capabilities.offersSize && capabilities.maximumMessageSize == 1000)
        for (line, maximum) in [("SIZE", nil), ("SIZE 0", nil), ("size 10000000", 10_000_000)] as [(String, Int?)] {
            let offered = SMTPCapabilities(ehloReply: SMTPReply(code: 250, lines: ["mx", line]))
            #expect(offered.offersSize && offered.maximumMessageSize == maximum)
        }
    }

    @Test func tooBigIs552OrEnhancedStatus534() {
        #expect(SMTPReply(code: 552, lines: ["Error: Too much mail data"]).saysMessageTooBig)
        #expect(SMTPReply(code: 554, lines: ["5.3.4 Message too big for system"]).saysMessageTooBig)
        #expect(!SMTPReply(code: 550, lines: ["5.1.1 unknown user"]).saysMessageTooBig)
        #expect(!SMTPReply(code: 452, lines: ["4.3.4 try later"]).saysMessageTooBig)
    }
}
