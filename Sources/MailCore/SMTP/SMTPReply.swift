/// One reply from an SMTP server (RFC 5321 §4.2): a three-digit code and its text
/// lines. A multi-line reply (`250-…` lines, then `250 …`) is one value.
package struct SMTPReply: Sendable, Equatable, CustomStringConvertible {
    /// The reply code, e.g. 250 or 550.
    package let code: Int
    /// The text after the code on each line, without the separator.
    package let lines: [String]

    /// A reply with `code` and its text `lines`.
    package init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// 2xx: the command was done.
    package var isPositiveCompletion: Bool { (200..<300).contains(code) }
    /// 4xx: a temporary failure; the same command may work later.
    package var isTransientFailure: Bool { (400..<500).contains(code) }
    /// 5xx: a permanent failure; the same command will fail again.
    package var isPermanentFailure: Bool { (500..<600).contains(code) }

    /// Whether the server refuses the message as too big: 552 (RFC 5321 §4.2.2,
    /// RFC 1870 §6) or the enhanced status 5.3.4 (RFC 3463, "message too big").
    package var saysMessageTooBig: Bool {
        code == 552 || (isPermanentFailure && lines.first?.hasPrefix("5.3.4") == true)
    }

    /// The text of all lines joined by a space, as it is quoted in errors. Control
    /// characters from the server are shown as spaces.
    package var text: String {
        let scalars = lines.joined(separator: " ").unicodeScalars.map { scalar -> Unicode.Scalar in
            scalar.value < 0x20 || scalar.value == 0x7F ? " " : scalar
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// `550 5.1.1 mailbox unavailable`: the code and the text, as quoted in errors.
    package var description: String {
        text.isEmpty ? "\(code)" : "\(code) \(text)"
    }
}
