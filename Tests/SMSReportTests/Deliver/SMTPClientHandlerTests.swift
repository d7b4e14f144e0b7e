import Logging
@testable import MailCore
@testable import MailTransport
import NIOCore
import NIOEmbedded
import NIOSSL
import Testing

/// The channel driver on an embedded channel: what it writes for each reply, and
/// the cases a real server rarely shows (an injected reply after STARTTLS, a
/// silent step, a connection dropped after the message was accepted).
@Suite("SMTP channel handler")
struct SMTPClientHandlerTests {
    private final class Conversation {
        let loop = EmbeddedEventLoop()
        let channel: EmbeddedChannel
        let completion: EventLoopPromise<Void>
        private(set) var result: Result<Void, any Error>?

        init(security: SMTPSecurity = .none, message: String = "Subject: x\r\n\r\n.dot\r\nend\r\n") throws {
            completion = loop.makePromise(of: Void.self)
            let session = SMTPSession(envelope: try SMTPEnvelope(sender: "a@example.com", recipients: ["b@example.com"]),
                                      security: security, credentials: nil, helloName: "client.example")
            let handler = SMTPClientHandler(
                session: session, composeMessage: { _ in Array(message.utf8) },
                timeouts: SMTPTimeouts(connect: .seconds(1), command: .seconds(30), messageAccepted: .seconds(120)),
                makeTLSHandler: { throw SMTPError.tlsFailed(reason: "no TLS in this test") },
                completion: completion, logger: Logger(label: "test"))
            channel = EmbeddedChannel(handler: handler, loop: loop)
            completion.futureResult.assumeIsolated().whenComplete { [unowned self] in self.result = $0 }
            try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 25)).wait()
        }

        /// The server sends `text`; returns what the client wrote in answer.
        func server(_ text: String) throws -> String {
            try channel.writeInbound(ByteBuffer(string: text))
            var written = ""
            while var buffer = try channel.readOutbound(as: ByteBuffer.self) {
                written += buffer.readString(length: buffer.readableBytes) ?? ""
            }
            return written
        }

        var error: SMTPError? {
            guard case .failure(let error)? = result else { return nil }
            return error as? SMTPError
        }

        var succeeded: Bool {
            guard case .success? = result else { return false }
            return true
        }
    }

    @Test func writesEachCommandAndTheDotStuffedMessage() throws {
        let conversation = try Conversation()
        #expect(try conversation.server("220 mx ESMTP\r\n") == "EHLO client.example\r\n")
        #expect(try conversation.server("250-mx\r\n250 SIZE 1000\r\n") == "MAIL FROM:<a@example.com> SIZE=25\r\n")
        #expect(try conversation.server("250 ok\r\n") == "RCPT TO:<b@example.com>\r\n")
        #expect(try conversation.server("250 ok\r\n") == "DATA\r\n")
        #expect(try conversation.server("354 go\r\n") == "Subject: x\r\n\r\n..dot\r\nend\r\n.\r\n")
        #expect(try conversation.server("250 queued\r\n") == "QUIT\r\n")
        #expect(conversation.result == nil)
        _ = try conversation.server("221 bye\r\n")
        #expect(conversation.succeeded)
        #expect(!conversation.channel.isActive)
    }

    @Test func replyInjectedAfterTheSTARTTLSAnswerIsRefused() throws {
        let conversation = try Conversation(security: .starttls)
        _ = try conversation.server("220 mx\r\n")
        #expect(try conversation.server("250-mx\r\n250 STARTTLS\r\n") == "STARTTLS\r\n")
        // A man in the middle appends a reply in clear text after the 220.
        #expect(try conversation.server("220 go ahead\r\n250 2.7.0 Authentication successful\r\n") == "QUIT\r\n")
        guard case .malformedReply? = conversation.error else {
            Issue.record("expected the injection to be refused, got \(String(describing: conversation.result))")
            return
        }
    }

    @Test func silentStepTimesOutWithItsStep() throws {
        let conversation = try Conversation()
        _ = try conversation.server("220 mx\r\n")
        _ = try conversation.server("250 mx\r\n")
        conversation.loop.advanceTime(by: .seconds(29))
        #expect(conversation.result == nil)
        conversation.loop.advanceTime(by: .seconds(2))
        #expect(conversation.error == .timedOut(step: .mailFrom, after: .seconds(30)))
        #expect(!conversation.channel.isActive)
    }

    @Test func messageStepWaitsLonger() throws {
        let conversation = try Conversation()
        for reply in ["220 mx\r\n", "250 mx\r\n", "250 ok\r\n", "250 ok\r\n", "354 go\r\n"] {
            _ = try conversation.server(reply)
        }
        conversation.loop.advanceTime(by: .seconds(100))
        #expect(conversation.result == nil)
        conversation.loop.advanceTime(by: .seconds(30))
        #expect(conversation.error == .timedOut(step: .message, after: .seconds(120)))
    }

    @Test func connectionLostAfterAcceptanceIsDeliveredButBeforeItIsNot() throws {
        let accepted = try Conversation()
        for reply in ["220 mx\r\n", "250 mx\r\n", "250 ok\r\n", "250 ok\r\n", "354 go\r\n", "250 queued\r\n"] {
            _ = try accepted.server(reply)
        }
        try accepted.channel.close().wait()
        #expect(accepted.succeeded)

        let dropped = try Conversation()
        for reply in ["220 mx\r\n", "250 mx\r\n", "250 ok\r\n", "250 ok\r\n", "354 go\r\n"] {
            _ = try dropped.server(reply)
        }
        try dropped.channel.close().wait()
        #expect(dropped.error == .connectionClosed(step: .message))
    }
}
