/// The size guard's limit (contract §8): the smaller of `max_attachments_mb` and the
/// `SIZE` the SMTP server advertises after EHLO (RFC 1870), on the whole message as
/// sent: headers, both bodies and the base64 attachments with their line breaks.
package struct MessageSizeLimit: Sendable, Equatable {
    /// `max_attachments_mb` in bytes; nil for none (a config without `smtp`).
    package var configured: Int?
    /// The server's advertised SIZE in bytes; nil when it names none (or for a dry run).
    package var server: Int?

    /// A limit from the config and the server.
    package init(configured: Int?, server: Int? = nil) {
        self.configured = configured
        self.server = server
    }

    /// The limit in bytes: the smaller of the two; nil when neither is set.
    package var bytes: Int? {
        [configured, server].compactMap { $0 }.min()
    }

    /// The limit as the body and `run.json` name it, e.g. `10 MB, the limit of
    /// max_attachments_mb` or `9.5 MB, the mail server's limit (SIZE 9500000)`;
    /// nil when there is none.
    package var description: String? {
        guard let bytes else { return nil }
        let size = AttachmentPlan.megabytesText(bytes)
        if let configured, configured == bytes {
            return "\(size), the limit of max_attachments_mb"
        }
        return "\(size), the mail server's limit (SIZE \(bytes))"
    }
}
