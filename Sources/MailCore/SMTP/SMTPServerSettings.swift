import Foundation

/// How long each step may take before the attempt fails with
/// ``SMTPError/timedOut(step:after:)``.
package struct SMTPTimeouts: Sendable, Equatable {
    /// Opening the TCP connection.
    package var connect: Duration
    /// Each reply to a command, the greeting and the TLS handshake.
    package var command: Duration
    /// The reply after the whole message was sent (RFC 5321 §4.5.3.2.6 suggests
    /// 10 minutes; servers scan the message before they answer).
    package var messageAccepted: Duration

    /// Timeouts; the defaults suit a real server over the internet.
    package init(connect: Duration = .seconds(15), command: Duration = .seconds(60),
                messageAccepted: Duration = .seconds(300)) {
        self.connect = connect
        self.command = command
        self.messageAccepted = messageAccepted
    }
}

/// Where and how to send email (config `smtp`, without `from` and
/// `max_attachments_mb`, which belong to the message).
package struct SMTPServerSettings: Sendable {
    /// The server's host name or IP address.
    package var host: String
    /// The server's port, e.g. 587 (STARTTLS), 465 (TLS) or 25.
    package var port: Int
    /// STARTTLS, TLS or none.
    package var security: SMTPSecurity
    /// AUTH credentials; nil sends without AUTH.
    package var credentials: SMTPCredentials?
    /// Whether the server's certificate and host name are checked. Off only for a
    /// test server; the client logs a warning when it is off.
    package var tlsVerify: Bool
    /// A PEM file of trusted certificates that replaces the system's trust store.
    package var caFile: String?
    /// The step timeouts.
    package var timeouts: SMTPTimeouts
    /// The name the client gives in EHLO/HELO.
    package var helloName: String

    /// This machine's host name when it is a plain domain name, else `localhost`.
    package static var defaultHelloName: String {
        let name = ProcessInfo.processInfo.hostName
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.".utf8)
        return !name.isEmpty && name.utf8.allSatisfy(allowed.contains) ? name : "localhost"
    }

    /// Settings for one server.
    package init(host: String, port: Int, security: SMTPSecurity, credentials: SMTPCredentials? = nil,
                tlsVerify: Bool = true, caFile: String? = nil, timeouts: SMTPTimeouts = SMTPTimeouts(),
                helloName: String = SMTPServerSettings.defaultHelloName) {
        self.host = host
        self.port = port
        self.security = security
        self.credentials = credentials
        self.tlsVerify = tlsVerify
        self.caFile = caFile
        self.timeouts = timeouts
        self.helloName = helloName
    }
}
