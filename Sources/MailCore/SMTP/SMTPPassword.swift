/// The SMTP password. Printing, logging or dumping it shows `<redacted>`; only the
/// AUTH step of ``SMTPSession`` reads its text, so it cannot reach output, logs,
/// files or errors by accident (like the API token).
package struct SMTPPassword: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    package let secret: String

    /// A password read from the environment (`password_env`).
    package init(_ secret: String) {
        self.secret = secret
    }

    package var description: String { "<redacted>" }
    package var debugDescription: String { "<redacted>" }
    package var customMirror: Mirror { Mirror(self, children: []) }
}

/// The user name and password for SMTP AUTH.
package struct SMTPCredentials: Sendable {
    /// The login, e.g. `reports@example.com`.
    package var username: String
    /// The password; it prints as `<redacted>`.
    package var password: SMTPPassword

    /// Credentials for AUTH PLAIN or LOGIN.
    package init(username: String, password: SMTPPassword) {
        self.username = username
        self.password = password
    }
}
