import Foundation

/// A command the client sends. ``line`` is what goes on the wire; ``loggedLine``
/// is what may be logged, with the credentials replaced by `<credentials>`.
package enum SMTPCommand: Sendable, Equatable {
    case ehlo(String)
    case helo(String)
    case startTLS
    /// `AUTH PLAIN` with the initial response (RFC 4954 §4, RFC 4616).
    case authPlain(initialResponse: String)
    /// `AUTH LOGIN`; the server then asks for the user name and the password.
    case authLogin
    /// A line answering a 334 challenge: base64 of a user name or password.
    case authResponse(String)
    /// `MAIL FROM:<address>`, with `SIZE=n` when `size` is set (RFC 1870 §6).
    case mailFrom(String, size: Int? = nil)
    case recipient(String)
    case data
    case quit

    /// The command line without its CRLF.
    package var line: String {
        switch self {
        case .ehlo(let name): return "EHLO \(name)"
        case .helo(let name): return "HELO \(name)"
        case .startTLS: return "STARTTLS"
        case .authPlain(let response): return "AUTH PLAIN \(response)"
        case .authLogin: return "AUTH LOGIN"
        case .authResponse(let response): return response
        case .mailFrom(let address, nil): return "MAIL FROM:<\(address)>"
        case .mailFrom(let address, let size?): return "MAIL FROM:<\(address)> SIZE=\(size)"
        case .recipient(let address): return "RCPT TO:<\(address)>"
        case .data: return "DATA"
        case .quit: return "QUIT"
        }
    }

    /// The line as it may appear in a log: no credentials.
    package var loggedLine: String {
        switch self {
        case .authPlain: return "AUTH PLAIN <credentials>"
        case .authResponse: return "<credentials>"
        default: return line
        }
    }

    /// The bytes on the wire, CRLF included.
    package var wireBytes: [UInt8] {
        Array((line + "\r\n").utf8)
    }
}
