/// What a server offers in its EHLO reply (RFC 5321 §4.1.1.1): one keyword per line
/// after the greeting line, e.g. `STARTTLS` or `AUTH PLAIN LOGIN`.
package struct SMTPCapabilities: Sendable, Equatable {
    /// Whether the server offers STARTTLS (RFC 3207).
    package let offersStartTLS: Bool
    /// The SASL mechanisms after `AUTH` (and the old `AUTH=` form), upper-cased.
    package let authenticationMechanisms: [String]

    /// No extensions: what a server that answered HELO offers.
    package static let none = SMTPCapabilities(offersStartTLS: false, authenticationMechanisms: [])

    package init(offersStartTLS: Bool, authenticationMechanisms: [String]) {
        self.offersStartTLS = offersStartTLS
        self.authenticationMechanisms = authenticationMechanisms
    }

    /// The capabilities listed in a 250 reply to EHLO.
    package init(ehloReply: SMTPReply) {
        var startTLS = false
        var mechanisms: [String] = []
        for line in ehloReply.lines.dropFirst() {
            let words = line.uppercased().split(whereSeparator: { $0 == " " || $0 == "=" }).map(String.init)
            guard let keyword = words.first else { continue }
            switch keyword {
            case "STARTTLS":
                startTLS = true
            case "AUTH":
                for mechanism in words.dropFirst() where !mechanisms.contains(mechanism) {
                    mechanisms.append(mechanism)
                }
            default:
                continue
            }
        }
        self.init(offersStartTLS: startTLS, authenticationMechanisms: mechanisms)
    }
}
