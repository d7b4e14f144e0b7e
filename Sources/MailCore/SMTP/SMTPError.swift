/// Why one SMTP attempt failed, as typed values. A reply from the server is quoted
/// with its code and text; the password and the encoded credentials never appear.
package enum SMTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The TCP connection could not be opened (server down, refused, name unknown).
    case connectionFailed(host: String, port: Int, reason: String)
    /// The server closed the connection before the session was done.
    case connectionClosed(step: SMTPStep)
    /// No reply (or no handshake) within the step's timeout.
    case timedOut(step: SMTPStep, after: Duration)
    /// The server refused a step; `reply` is its answer.
    case rejected(step: SMTPStep, reply: SMTPReply)
    /// The server refused the message as too big (``SMTPReply/saysMessageTooBig``),
    /// at `MAIL FROM` with its declared SIZE or after the message itself. A smaller
    /// message may still pass; this one will not, so it is not retried.
    case messageTooBig(step: SMTPStep, reply: SMTPReply)
    /// The server refused the credentials (535 and similar).
    case authenticationFailed(reply: SMTPReply)
    /// Security is `starttls` but the server does not offer STARTTLS.
    case startTLSNotOffered
    /// Credentials are set but the server offers no mechanism the client knows.
    case noSupportedAuthentication(offered: [String])
    /// The server's bytes are not SMTP replies, or come at the wrong time.
    case malformedReply(reason: String)
    /// TLS could not be set up or the handshake failed (e.g. certificate checks).
    case tlsFailed(reason: String)
    /// An address cannot be used in the envelope.
    case invalidAddress(String)
    /// The sender gave up the session before the message was sent (it was being
    /// stopped); QUIT was sent and nothing was delivered.
    case abandoned

    /// Whether another attempt may succeed: network trouble, timeouts and 4xx
    /// replies. 5xx replies, refused credentials and TLS/certificate failures will
    /// fail the same way again, so they are not retried. Nor is a connection lost or
    /// a reply not received after the whole message was sent: the server may have
    /// accepted it, and a retry could deliver it twice.
    package var isTransient: Bool {
        switch self {
        case .connectionClosed(.message), .timedOut(.message, _):
            return false
        case .connectionFailed, .connectionClosed, .timedOut:
            return true
        case .rejected(_, let reply), .authenticationFailed(let reply):
            return reply.isTransientFailure
        case .messageTooBig, .startTLSNotOffered, .noSupportedAuthentication, .malformedReply, .tlsFailed, .invalidAddress,
             .abandoned:
            return false
        }
    }

    package var description: String {
        switch self {
        case let .connectionFailed(host, port, reason):
            return "cannot connect to the SMTP server \(host):\(port): \(reason)"
        case let .connectionClosed(step):
            return "the SMTP server closed the connection during \(step)"
        case let .timedOut(step, after):
            return "the SMTP server did not answer \(step) within \(after)"
        case let .rejected(step, reply):
            return "the SMTP server refused \(step): \(reply)"
        case let .messageTooBig(step, reply):
            return "the SMTP server refused the message as too big at \(step): \(reply)"
        case let .authenticationFailed(reply):
            return "the SMTP server refused the user name or password: \(reply)"
        case .startTLSNotOffered:
            return "the SMTP server does not offer STARTTLS (security: starttls); nothing was sent in clear text"
        case let .noSupportedAuthentication(offered):
            let list = offered.isEmpty ? "none" : offered.joined(separator: " ")
            return "the SMTP server offers no AUTH mechanism this client supports (PLAIN, LOGIN); it offers: \(list)"
        case let .malformedReply(reason):
            return "the SMTP server's reply is not valid SMTP: \(reason)"
        case let .tlsFailed(reason):
            return "TLS with the SMTP server failed: \(reason)"
        case let .invalidAddress(address):
            return "not a usable email address: \(address)"
        case .abandoned:
            return "the session was given up before the message was sent (the tool was stopping); nothing was delivered"
        }
    }
}
