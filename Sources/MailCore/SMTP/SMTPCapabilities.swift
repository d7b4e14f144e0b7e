/// What a server offers in its EHLO reply (RFC 5321 §4.1.1.1): one keyword per line
/// after the greeting line, e.g. `STARTTLS`, `AUTH PLAIN LOGIN` or `SIZE 10000000`.
package struct SMTPCapabilities: Sendable, Equatable {
    /// Whether the server offers STARTTLS (RFC 3207).
    package let offersStartTLS: Bool
    /// The SASL mechanisms after `AUTH` (and the old `AUTH=` form), upper-cased.
    package let authenticationMechanisms: [String]
    /// Whether the server offers the SIZE extension (RFC 1870), so that `MAIL FROM`
    /// may declare the message's size.
    package let offersSize: Bool
    /// The largest message the server accepts, in bytes, from `SIZE n`; nil when it
    /// names no limit (no SIZE, `SIZE` alone, or `SIZE 0`).
    package let maximumMessageSize: Int?

    /// No extensions: what a server that answered HELO offers.
    package static let none = SMTPCapabilities(offersStartTLS: false, authenticationMechanisms: [])

    package init(offersStartTLS: Bool, authenticationMechanisms: [String], offersSize: Bool = false,
                 maximumMessageSize: Int? = nil) {
        self.offersStartTLS = offersStartTLS
        self.authenticationMechanisms = authenticationMechanisms
        self.offersSize = offersSize
        self.maximumMessageSize = maximumMessageSize
    }

    /// The capabilities listed in a 250 reply to EHLO.
    package init(ehloReply: SMTPReply) {
        var startTLS = false
        var mechanisms: [String] = []
        var size = false
        var maximumSize: Int?
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
            case "SIZE":
                size = true
                maximumSize = words.dropFirst().first.flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
            default:
                continue
            }
        }
        self.init(offersStartTLS: startTLS, authenticationMechanisms: mechanisms, offersSize: size,
                  maximumMessageSize: maximumSize)
    }
}
