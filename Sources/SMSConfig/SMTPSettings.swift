import MailCore

/// The mail server the reports are sent through (`smtp`).
package struct SMTPSettings: Sendable {
    /// The server's host name or address.
    package let host: String
    /// The server's port; by default the ``SMTPSecurity/defaultPort`` of ``security``.
    package let port: Int
    /// STARTTLS, implicit TLS, or none.
    package let security: SMTPSecurity
    /// The AUTH user name; nil to send without authenticating.
    package let username: String?
    /// The environment variable that holds the password; set exactly when ``username`` is.
    package let passwordVariable: String?
    /// The password read from ``passwordVariable``; nil unless the config was loaded with
    /// ``ConfigRequirements/email`` and has a username. It prints as `<redacted>`.
    package let password: SMTPPassword?
    /// The `From:` header as written, e.g. `SMS Reports <reports@example.com>`.
    package let from: String
    /// The bare address of ``from``, for the envelope (`MAIL FROM`), e.g. `reports@example.com`.
    package let fromAddress: String
    /// The size limit of the whole message as sent, in bytes (`max_attachments_mb` × 1,000,000, as mail providers count).
    package let maxAttachmentBytes: Int
    /// False only for a test server: certificates are then not checked (log a warning).
    package let verifiesCertificates: Bool
    /// A PEM file of CA certificates to trust instead of the system's, as an absolute path.
    package let caFile: String?
    /// `allow_insecure: true`: `security: none` is allowed to a host that is not
    /// loopback (and logged as a warning at every run).
    package let allowsInsecure: Bool

    /// Settings with every value given (the loader makes these from `smtp`).
    package init(host: String, port: Int, security: SMTPSecurity, username: String?, passwordVariable: String?,
                password: SMTPPassword?, from: String, fromAddress: String, maxAttachmentBytes: Int,
                verifiesCertificates: Bool, caFile: String?, allowsInsecure: Bool = false) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.passwordVariable = passwordVariable
        self.password = password
        self.from = from
        self.fromAddress = fromAddress
        self.maxAttachmentBytes = maxAttachmentBytes
        self.verifiesCertificates = verifiesCertificates
        self.caFile = caFile
        self.allowsInsecure = allowsInsecure
    }

    /// `max_attachments_mb` in bytes; a megabyte is 1,000,000 bytes, as mail
    /// providers count their limits.
    package static func attachmentBytes(megabytes: Double) -> Int {
        Int((megabytes * 1_000_000).rounded(.down))
    }
}
