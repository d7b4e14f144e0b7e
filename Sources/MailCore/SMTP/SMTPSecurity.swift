/// How the connection to the SMTP server is secured (`smtp.security`).
package enum SMTPSecurity: String, Sendable, CaseIterable {
    /// Plain connection upgraded with STARTTLS before AUTH (the default; usually port 587).
    /// A server that does not offer STARTTLS is an error: the client never falls back
    /// to clear text.
    case starttls
    /// TLS from the first byte, "implicit TLS" (usually port 465).
    case tls
    /// No encryption at all (only for a local relay or a test server; usually port 25).
    case none

    /// The port used when `smtp.port` is not given.
    package var defaultPort: Int {
        switch self {
        case .starttls: 587
        case .tls: 465
        case .none: 25
        }
    }
}
