/// A step of an SMTP session, named in errors and logs.
package enum SMTPStep: Sendable, Equatable, CustomStringConvertible {
    case connect
    case greeting
    case hello
    case startTLS
    case tlsHandshake
    case authentication
    case mailFrom
    case recipient(String)
    case data
    case message
    case quit

    /// The step as the user reads it, e.g. `RCPT TO:<ops@acme.example>`.
    package var description: String {
        switch self {
        case .connect: return "connect"
        case .greeting: return "greeting"
        case .hello: return "EHLO/HELO"
        case .startTLS: return "STARTTLS"
        case .tlsHandshake: return "TLS handshake"
        case .authentication: return "AUTH"
        case .mailFrom: return "MAIL FROM"
        case .recipient(let address): return "RCPT TO:<\(address)>"
        case .data: return "DATA"
        case .message: return "end of message"
        case .quit: return "QUIT"
        }
    }
}
