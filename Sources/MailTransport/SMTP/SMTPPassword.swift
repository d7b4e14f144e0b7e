/// The SMTP password. Printing, logging or dumping it shows `<redacted>`; only the
/// AUTH step of ``SMTPSession`` reads its text, so it cannot reach output, logs,
/// files or errors by accident (like ``APIToken``).
public struct SMTPPassword: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    package let secret: String

    /// A password read from the environment (`password_env`).
    public init(_ secret: String) {
        self.secret = secret
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    public var customMirror: Mirror { Mirror(self, children: []) }
}

/// The user name and password for SMTP AUTH.
public struct SMTPCredentials: Sendable {
    /// The login, e.g. `reports@example.com`.
    public var username: String
    /// The password; it prints as `<redacted>`.
    public var password: SMTPPassword

    /// Credentials for AUTH PLAIN or LOGIN.
    public init(username: String, password: SMTPPassword) {
        self.username = username
        self.password = password
    }
}
