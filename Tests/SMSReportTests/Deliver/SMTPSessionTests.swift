import Foundation
@testable import MailCore
import Testing

@Suite("SMTP session state machine")
struct SMTPSessionTests {
    private static let password = "s3cr3t-Pa55"
    private static let credentials = SMTPCredentials(username: "reports@example.com", password: SMTPPassword(password))
    private static let plainResponse = Data("\u{0}reports@example.com\u{0}\(password)".utf8).base64EncodedString()

    private func session(_ security: SMTPSecurity = .none, credentials: SMTPCredentials? = nil,
                         recipients: [String] = ["ops@acme.example"]) throws -> SMTPSession {
        SMTPSession(envelope: try SMTPEnvelope(sender: "reports@example.com", recipients: recipients),
                    security: security, credentials: credentials, helloName: "client.example")
    }

    private func reply(_ code: Int, _ lines: String...) -> SMTPReply {
        SMTPReply(code: code, lines: lines.isEmpty ? [""] : lines)
    }

    private func quotesNoSecret(_ error: SMTPError) -> Bool {
        let text = error.description + String(describing: error) + String(reflecting: error)
        return !text.contains(Self.password) && !text.contains(Self.plainResponse)
            && !text.contains(Data(Self.password.utf8).base64EncodedString())
    }

    @Test func plainSessionWithSeveralRecipients() throws {
        var session = try session(recipients: ["a@x.example", "b@y.example"])
        #expect(session.receive(reply(220, "mx ready")) == .send(.ehlo("client.example")))
        #expect(session.receive(reply(250, "mx", "8BITMIME")) == .composeMessage)
        #expect(session.messageComposed(byteCount: 1234) == .send(.mailFrom("reports@example.com")))
        #expect(session.receive(reply(250, "ok")) == .send(.recipient("a@x.example")))
        #expect(session.receive(reply(250, "ok")) == .send(.recipient("b@y.example")))
        #expect(session.receive(reply(251, "will forward")) == .send(.data))
        #expect(session.receive(reply(354, "go ahead")) == .sendMessage)
        #expect(!session.messageAccepted)
        #expect(session.receive(reply(250, "queued")) == .send(.quit))
        #expect(session.messageAccepted)
        #expect(session.receive(reply(221, "bye")) == .finished)
        #expect(session.isDone)
    }

    @Test func ehloRefusedFallsBackToHELO() throws {
        var session = try session()
        _ = session.receive(reply(220))
        #expect(session.receive(reply(502, "5.5.2 command not recognized")) == .send(.helo("client.example")))
        #expect(session.receive(reply(250, "hello")) == .composeMessage)
    }

    @Test func heloOnlyServerCannotDoStartTLSOrAuth() throws {
        var tls = try session(.starttls)
        _ = tls.receive(reply(220))
        _ = tls.receive(reply(500, "what?"))
        #expect(tls.receive(reply(250)) == .fail(.startTLSNotOffered))

        var auth = try session(credentials: Self.credentials)
        _ = auth.receive(reply(220))
        _ = auth.receive(reply(500))
        #expect(auth.receive(reply(250)) == .fail(.noSupportedAuthentication(offered: [])))
    }

    @Test func transientEHLOFailureIsNotAFallback() throws {
        var session = try session()
        _ = session.receive(reply(220))
        #expect(session.receive(reply(421, "too busy")) == .fail(.rejected(step: .hello, reply: reply(421, "too busy"))))
    }

    @Test func startTLSThenEHLOAgainThenAuthPlain() throws {
        var session = try session(.starttls, credentials: Self.credentials)
        _ = session.receive(reply(220))
        #expect(session.receive(reply(250, "mx", "STARTTLS")) == .send(.startTLS))
        #expect(session.receive(reply(220, "ready for TLS")) == .startTLS)
        #expect(session.step == .tlsHandshake)
        #expect(session.tlsEstablished() == .send(.ehlo("client.example")))
        #expect(session.receive(reply(250, "mx", "AUTH LOGIN PLAIN")) == .send(.authPlain(initialResponse: Self.plainResponse)))
        #expect(session.chosenMechanism == "PLAIN")
        #expect(session.receive(reply(235, "2.7.0 accepted")) == .composeMessage)
    }

    @Test func startTLSNotOfferedNeverFallsBackToClearText() throws {
        var session = try session(.starttls, credentials: Self.credentials)
        _ = session.receive(reply(220))
        #expect(session.receive(reply(250, "mx", "AUTH PLAIN")) == .fail(.startTLSNotOffered))
    }

    @Test func replyDuringTLSHandshakeIsAnError() throws {
        var session = try session(.starttls)
        _ = session.receive(reply(220))
        _ = session.receive(reply(250, "mx", "STARTTLS"))
        _ = session.receive(reply(220))
        guard case .fail(.malformedReply) = session.receive(reply(250)) else {
            Issue.record("a reply in the handshake must fail the session")
            return
        }
    }

    @Test func implicitTLSSkipsStartTLS() throws {
        var session = try session(.tls, credentials: Self.credentials)
        _ = session.receive(reply(220))
        #expect(session.receive(reply(250, "mx", "AUTH PLAIN")) == .send(.authPlain(initialResponse: Self.plainResponse)))
    }

    @Test func authLoginWhenPlainIsNotOffered() throws {
        var session = try session(.tls, credentials: Self.credentials)
        _ = session.receive(reply(220))
        #expect(session.receive(reply(250, "mx", "AUTH CRAM-MD5 LOGIN")) == .send(.authLogin))
        #expect(session.chosenMechanism == "LOGIN")
        #expect(session.receive(reply(334, "VXNlcm5hbWU6"))
            == .send(.authResponse(Data("reports@example.com".utf8).base64EncodedString())))
        #expect(session.receive(reply(334, "UGFzc3dvcmQ6"))
            == .send(.authResponse(Data(Self.password.utf8).base64EncodedString())))
        #expect(session.receive(reply(235)) == .composeMessage)
    }

    @Test func noCommonMechanismNamesWhatTheServerOffers() throws {
        var session = try session(.tls, credentials: Self.credentials)
        _ = session.receive(reply(220))
        let action = session.receive(reply(250, "mx", "AUTH CRAM-MD5 XOAUTH2"))
        #expect(action == .fail(.noSupportedAuthentication(offered: ["CRAM-MD5", "XOAUTH2"])))
        if case .fail(let error) = action {
            #expect(error.description.contains("CRAM-MD5 XOAUTH2"))
        }
    }

    @Test func refusedCredentialsQuoteTheReplyButNeverThePassword() throws {
        var session = try session(.tls, credentials: Self.credentials)
        _ = session.receive(reply(220))
        _ = session.receive(reply(250, "mx", "AUTH PLAIN"))
        // A server that echoes what it got, password and encoded credentials included.
        let echo = reply(535, "5.7.8 bad credentials \(Self.plainResponse) for \(Self.password)")
        guard case .fail(let error) = session.receive(echo) else {
            Issue.record("refused credentials must fail the session")
            return
        }
        #expect(error.description.hasPrefix("the SMTP server refused the user name or password: 535 5.7.8 bad credentials"))
        #expect(quotesNoSecret(error))
        #expect(!error.isTransient)
    }

    @Test func commandsLogNoCredentials() {
        #expect(SMTPCommand.authPlain(initialResponse: Self.plainResponse).loggedLine == "AUTH PLAIN <credentials>")
        #expect(SMTPCommand.authResponse("c2VjcmV0").loggedLine == "<credentials>")
        #expect(SMTPCommand.recipient("a@b.example").line == "RCPT TO:<a@b.example>")
        #expect("\(Self.credentials)".contains(Self.password) == false)
        #expect(String(reflecting: Self.credentials.password) == "<redacted>")
    }

    @Test func refusedRecipientFailsTheWholeMessageQuotingTheReply() throws {
        var session = try session(recipients: ["a@x.example", "nobody@x.example"])
        _ = session.receive(reply(220))
        _ = session.receive(reply(250))
        _ = session.messageComposed(byteCount: 100)
        _ = session.receive(reply(250))
        _ = session.receive(reply(250))
        let refusal = reply(550, "5.1.1 <nobody@x.example>: Recipient address rejected")
        let action = session.receive(refusal)
        #expect(action == .fail(.rejected(step: .recipient("nobody@x.example"), reply: refusal)))
        if case .fail(let error) = action {
            #expect(error.description == "the SMTP server refused RCPT TO:<nobody@x.example>: 550 5.1.1 <nobody@x.example>: Recipient address rejected")
            #expect(!error.isTransient)
        }
    }

    @Test func mailFromDeclaresTheSizeOnlyToAServerThatOffersSIZE() throws {
        var sizing = try session()
        _ = sizing.receive(reply(220))
        #expect(sizing.receive(reply(250, "mx", "SIZE 10000000")) == .composeMessage)
        #expect(sizing.capabilities.maximumMessageSize == 10_000_000)
        #expect(sizing.messageComposed(byteCount: 9_000) == .send(.mailFrom("reports@example.com", size: 9_000)))
        #expect(SMTPCommand.mailFrom("a@b.example", size: 9_000).line == "MAIL FROM:<a@b.example> SIZE=9000")
    }

    @Test func refusalAsTooBigIsTypedAtMailFromAndAfterTheMessage() throws {
        var atMailFrom = try session()
        _ = atMailFrom.receive(reply(220))
        _ = atMailFrom.receive(reply(250, "mx", "SIZE 1000"))
        _ = atMailFrom.messageComposed(byteCount: 2_000)
        let size = reply(552, "5.3.4 message size exceeds fixed maximum message size")
        #expect(atMailFrom.receive(size) == .fail(.messageTooBig(step: .mailFrom, reply: size)))

        var afterMessage = try session()
        for answer in [reply(220), reply(250, "mx")] { _ = afterMessage.receive(answer) }
        _ = afterMessage.messageComposed(byteCount: 2_000)
        for answer in [reply(250), reply(250), reply(354)] { _ = afterMessage.receive(answer) }
        let tooMuch = reply(552, "Error: Too much mail data")
        let action = afterMessage.receive(tooMuch)
        #expect(action == .fail(.messageTooBig(step: .message, reply: tooMuch)))
        if case .fail(let error) = action {
            #expect(!error.isTransient)
            #expect(error.description == "the SMTP server refused the message as too big at end of message: 552 Error: Too much mail data")
        }
    }

    @Test func transientRefusalsAreRetriedPermanentOnesAreNot() {
        #expect(SMTPError.rejected(step: .mailFrom, reply: SMTPReply(code: 451, lines: ["try later"])).isTransient)
        #expect(!SMTPError.rejected(step: .mailFrom, reply: SMTPReply(code: 553, lines: ["no"])).isTransient)
        #expect(SMTPError.connectionFailed(host: "h", port: 1, reason: "refused").isTransient)
        #expect(SMTPError.timedOut(step: .data, after: .seconds(1)).isTransient)
        #expect(!SMTPError.tlsFailed(reason: "certificate").isTransient)
    }

    @Test func silenceOrADropAfterTheWholeMessageIsNotRetriedSoNothingArrivesTwice() {
        #expect(!SMTPError.timedOut(step: .message, after: .seconds(300)).isTransient)
        #expect(!SMTPError.connectionClosed(step: .message).isTransient)
        #expect(SMTPError.connectionClosed(step: .data).isTransient)
    }

    @Test func greetingAndDataRefusals() throws {
        var greeting = try session()
        #expect(greeting.receive(reply(554, "no service")) == .fail(.rejected(step: .greeting, reply: reply(554, "no service"))))

        var message = try session()
        for code in [220, 250] { _ = message.receive(reply(code)) }
        _ = message.messageComposed(byteCount: 100)
        for code in [250, 250] { _ = message.receive(reply(code)) }
        #expect(message.receive(reply(354)) == .sendMessage)
        let content = reply(554, "5.6.0 content rejected")
        #expect(message.receive(content) == .fail(.rejected(step: .message, reply: content)))
        #expect(!message.messageAccepted)
    }

    @Test func envelopeRejectsAddressesThatWouldBreakACommand() {
        #expect(throws: SMTPError.self) { try SMTPEnvelope(sender: "a@b.example", recipients: ["x@y.example>\r\nRCPT TO:<z@q"]) }
        #expect(throws: SMTPError.self) { try SMTPEnvelope(sender: "a b@c.example", recipients: ["x@y.example"]) }
        #expect(throws: SMTPError.self) { try SMTPEnvelope(sender: "a@b.example", recipients: []) }
    }
}
