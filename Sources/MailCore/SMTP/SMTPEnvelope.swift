/// The SMTP envelope: the `MAIL FROM` address and the `RCPT TO` addresses (bare
/// addresses, `user@example.com`, without display names).
package struct SMTPEnvelope: Sendable, Equatable {
    /// The sender address for `MAIL FROM`.
    package let sender: String
    /// The recipient addresses, one `RCPT TO` each.
    package let recipients: [String]

    /// An envelope; every address must be non-empty, printable ASCII without spaces
    /// or angle brackets (so it cannot break the command line), and there must be
    /// at least one recipient.
    package init(sender: String, recipients: [String]) throws(SMTPError) {
        for address in [sender] + recipients where !Self.isUsable(address) {
            throw .invalidAddress(address)
        }
        guard !recipients.isEmpty else {
            throw .invalidAddress("(no recipients)")
        }
        self.sender = sender
        self.recipients = recipients
    }

    private static func isUsable(_ address: String) -> Bool {
        !address.isEmpty && address.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") }
            && address.contains("@")
    }
}
