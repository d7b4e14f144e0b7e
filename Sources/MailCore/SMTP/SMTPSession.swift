import Foundation

/// The client side of one SMTP session as a pure state machine (RFC 5321, 3207,
/// 4954): it is fed the server's replies and the end of a TLS handshake, and
/// answers with the next action. It does no I/O, so every path is testable without
/// a socket; MailTransport's `SMTPClient` carries its actions out on a channel.
///
/// The session: greeting → EHLO (HELO when EHLO is refused with 5xx) → STARTTLS and
/// EHLO again (security `starttls`) → AUTH PLAIN or LOGIN (when credentials are
/// set; PLAIN is preferred) → the message is composed, now that the server's SIZE
/// is known → MAIL FROM (with `SIZE=` when offered) → RCPT TO for each recipient → DATA →
/// message → QUIT. Any refusal ends the session with a failure: a refused
/// recipient fails the whole message, so nobody gets a copy that the others miss
/// and a retry never sends it twice. A refusal as too big (552 or 5.3.4) is the
/// typed ``SMTPError/messageTooBig(step:reply:)``, so the caller can send less.
package struct SMTPSession {
    /// What the client must do next.
    package enum Action: Equatable {
        /// Send this command.
        case send(SMTPCommand)
        /// Compose the message for the server's ``capabilities`` (its SIZE), then
        /// call ``messageComposed(byteCount:)``.
        case composeMessage
        /// Send the message (dot-stuffed, ended by `.`).
        case sendMessage
        /// Start a TLS handshake on the connection, then call ``tlsEstablished()``.
        case startTLS
        /// The session is over; the message was accepted.
        case finished
        /// The attempt failed; send QUIT (best effort) and close.
        case fail(SMTPError)
    }

    private enum State: Equatable {
        case greeting, ehlo, helo, startTLS, tlsHandshake
        case authPlain, authLoginUsername, authLoginPassword
        case composing, mailFrom, recipient(Int), data, message, quit, done
    }

    private let envelope: SMTPEnvelope
    private let security: SMTPSecurity
    private let credentials: SMTPCredentials?
    private let helloName: String
    private var state = State.greeting
    private var tlsActive: Bool
    /// The capabilities of the last EHLO (none after HELO).
    package private(set) var capabilities = SMTPCapabilities.none
    /// The AUTH mechanism chosen from the server's list, once chosen.
    package private(set) var chosenMechanism: String?
    /// Whether the server accepted the message (250 after the final `.`). A
    /// connection lost after that is not a failure.
    package private(set) var messageAccepted = false

    package init(envelope: SMTPEnvelope, security: SMTPSecurity, credentials: SMTPCredentials?, helloName: String) {
        self.envelope = envelope
        self.security = security
        self.credentials = credentials
        self.helloName = helloName
        self.tlsActive = security == .tls
    }

    /// The step the session waits on, for timeouts and errors.
    package var step: SMTPStep {
        switch state {
        case .greeting: return .greeting
        case .ehlo, .helo: return .hello
        case .startTLS: return .startTLS
        case .tlsHandshake: return .tlsHandshake
        case .authPlain, .authLoginUsername, .authLoginPassword: return .authentication
        case .composing, .mailFrom: return .mailFrom
        case .recipient(let index): return .recipient(envelope.recipients[index])
        case .data: return .data
        case .message: return .message
        case .quit, .done: return .quit
        }
    }

    /// Whether the session is over (finished or failed).
    package var isDone: Bool { state == .done }

    /// The next action after the server's `reply`.
    package mutating func receive(_ reply: SMTPReply) -> Action {
        switch state {
        case .greeting:
            guard reply.code == 220 else { return fail(.rejected(step: .greeting, reply: reply)) }
            return hello()
        case .ehlo:
            if reply.code == 250 {
                capabilities = SMTPCapabilities(ehloReply: reply)
                return afterHello()
            }
            guard reply.isPermanentFailure else { return fail(.rejected(step: .hello, reply: reply)) }
            state = .helo
            return .send(.helo(helloName))
        case .helo:
            guard reply.code == 250 else { return fail(.rejected(step: .hello, reply: reply)) }
            capabilities = .none
            return afterHello()
        case .startTLS:
            guard reply.code == 220 else { return fail(.rejected(step: .startTLS, reply: reply)) }
            state = .tlsHandshake
            return .startTLS
        case .tlsHandshake:
            return fail(.malformedReply(reason: "a reply arrived during the TLS handshake: \(reply)"))
        case .authPlain:
            return authenticationReply(reply) { session in .authResponse(session.plainResponse) }
        case .authLoginUsername:
            return authenticationReply(reply) { session in
                session.state = .authLoginPassword
                return .authResponse(Self.base64(session.credentials?.username ?? ""))
            }
        case .authLoginPassword:
            return authenticationReply(reply) { session in
                .authResponse(Self.base64(session.credentials?.password.secret ?? ""))
            }
        case .composing:
            return fail(.malformedReply(reason: "a reply arrived while the message was composed: \(reply)"))
        case .mailFrom:
            guard reply.code == 250 else { return refused(step: .mailFrom, reply: reply) }
            return recipient(0)
        case .recipient(let index):
            guard reply.code == 250 || reply.code == 251 else {
                return fail(.rejected(step: .recipient(envelope.recipients[index]), reply: reply))
            }
            guard index + 1 < envelope.recipients.count else {
                state = .data
                return .send(.data)
            }
            return recipient(index + 1)
        case .data:
            guard reply.code == 354 else { return refused(step: .data, reply: reply) }
            state = .message
            return .sendMessage
        case .message:
            guard reply.isPositiveCompletion else { return refused(step: .message, reply: reply) }
            messageAccepted = true
            state = .quit
            return .send(.quit)
        case .quit:
            state = .done
            return .finished
        case .done:
            return fail(.malformedReply(reason: "a reply arrived after the session ended: \(reply)"))
        }
    }

    /// The next action once the TLS handshake after STARTTLS is done: EHLO again,
    /// since the server may offer more (AUTH) over TLS (RFC 3207 §4.2).
    package mutating func tlsEstablished() -> Action {
        guard state == .tlsHandshake else {
            return fail(.malformedReply(reason: "a TLS handshake finished at an unexpected time"))
        }
        tlsActive = true
        return hello()
    }

    /// The next action once the message of `byteCount` bytes (before dot-stuffing)
    /// is composed: `MAIL FROM`, declaring the size when the server offers SIZE.
    package mutating func messageComposed(byteCount: Int) -> Action {
        guard state == .composing else {
            return fail(.malformedReply(reason: "a message was composed at an unexpected time"))
        }
        state = .mailFrom
        return .send(.mailFrom(envelope.sender, size: capabilities.offersSize ? byteCount : nil))
    }

    /// Ends the session with `error`.
    package mutating func fail(_ error: SMTPError) -> Action {
        state = .done
        return .fail(error)
    }

    private mutating func hello() -> Action {
        state = .ehlo
        capabilities = .none
        return .send(.ehlo(helloName))
    }

    private mutating func afterHello() -> Action {
        if security == .starttls && !tlsActive {
            guard capabilities.offersStartTLS else { return fail(.startTLSNotOffered) }
            state = .startTLS
            return .send(.startTLS)
        }
        guard credentials != nil else { return mailFrom() }
        let offered = capabilities.authenticationMechanisms
        if offered.contains("PLAIN") {
            chosenMechanism = "PLAIN"
            state = .authPlain
            return .send(.authPlain(initialResponse: plainResponse))
        }
        if offered.contains("LOGIN") {
            chosenMechanism = "LOGIN"
            state = .authLoginUsername
            return .send(.authLogin)
        }
        return fail(.noSupportedAuthentication(offered: offered))
    }

    /// Handles a reply during AUTH: 235 is success, 334 asks for the next line
    /// (built by `challenge`), anything else is a refusal. The refusal quotes the
    /// reply with any echo of the credentials removed.
    private mutating func authenticationReply(_ reply: SMTPReply,
                                              challenge: (inout SMTPSession) -> SMTPCommand) -> Action {
        if reply.code == 235 {
            return mailFrom()
        }
        if reply.code == 334 {
            return .send(challenge(&self))
        }
        return fail(.authenticationFailed(reply: redactingCredentials(reply)))
    }

    private mutating func mailFrom() -> Action {
        state = .composing
        return .composeMessage
    }

    /// Ends the session on a refusal: as ``SMTPError/messageTooBig(step:reply:)``
    /// when the reply says so, else as ``SMTPError/rejected(step:reply:)``.
    private mutating func refused(step: SMTPStep, reply: SMTPReply) -> Action {
        fail(reply.saysMessageTooBig ? .messageTooBig(step: step, reply: reply) : .rejected(step: step, reply: reply))
    }

    private mutating func recipient(_ index: Int) -> Action {
        state = .recipient(index)
        return .send(.recipient(envelope.recipients[index]))
    }

    /// base64 of `\0user\0password` (RFC 4616).
    private var plainResponse: String {
        guard let credentials else { return "" }
        return Self.base64("\u{0}\(credentials.username)\u{0}\(credentials.password.secret)")
    }

    private static func base64(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
    }

    /// `reply` with the password and every encoded form of it that the client sent
    /// replaced by `<redacted>`, in case a server echoes what it received.
    package func redactingCredentials(_ reply: SMTPReply) -> SMTPReply {
        guard let credentials, !credentials.password.secret.isEmpty else { return reply }
        let secrets = [plainResponse, Self.base64(credentials.password.secret), credentials.password.secret]
        let lines = reply.lines.map { line in
            secrets.reduce(line) { $0.replacingOccurrences(of: $1, with: "<redacted>") }
        }
        return SMTPReply(code: reply.code, lines: lines)
    }
}
