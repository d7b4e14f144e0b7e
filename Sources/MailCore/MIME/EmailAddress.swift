import Foundation

/// A mailbox: an address with an optional display name, as in
/// `SMS Reports <reports@example.com>` or `ops@acme.example` (RFC 5322 §3.4).
package struct EmailAddress: Sendable, Equatable, CustomStringConvertible {
    /// The display name, e.g. `SMS Reports`; nil when there is none.
    package let displayName: String?
    /// The bare address, `local@domain`, as used in the SMTP envelope.
    package let address: String

    /// A mailbox from its parts; the address is checked as in ``init(parsing:)``.
    package init(displayName: String?, address: String) throws(EmailAddressError) {
        guard Self.isPlainAddress(address) else {
            throw .invalid(address, reason: Self.addressRule)
        }
        let name = displayName?.trimmingCharacters(in: .whitespaces)
        self.displayName = name?.isEmpty == false ? name : nil
        self.address = address
    }

    /// Parses `Name <local@domain>`, `"Name, Inc." <local@domain>` or `local@domain`.
    package init(parsing text: String) throws(EmailAddressError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var name: String?
        var address = trimmed
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            var phrase = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            if phrase.count >= 2, phrase.hasPrefix("\""), phrase.hasSuffix("\"") {
                phrase = String(phrase.dropFirst().dropLast())
                    .replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
            }
            name = phrase.isEmpty ? nil : phrase
        }
        guard Self.isPlainAddress(address) else {
            throw .invalid(text, reason: Self.addressRule)
        }
        self.displayName = name
        self.address = address
    }

    /// What ``init(parsing:)`` requires of an address; the one rule of the config check and of sending.
    package static let addressRule = "an address must be local@domain in printable ASCII, without spaces, quotes, commas or angle brackets"

    /// The domain after the `@`.
    package var domain: String {
        String(address[address.index(after: address.lastIndex(of: "@")!)...])
    }

    /// The mailbox as written in a header: the display name quoted or encoded
    /// (RFC 2047) as needed, then `<address>`.
    package var headerText: String {
        guard let displayName else { return address }
        return "\(MIMEHeaderEncoding.phrase(displayName)) <\(address)>"
    }

    /// `Name <address>` or the bare address.
    package var description: String {
        displayName.map { "\($0) <\(address)>" } ?? address
    }

    private static func isPlainAddress(_ address: String) -> Bool {
        guard let at = address.lastIndex(of: "@"), at != address.startIndex,
              address.index(after: at) != address.endIndex else { return false }
        return address.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">")
            && $0 != UInt8(ascii: ",") && $0 != UInt8(ascii: "\"") }
    }
}

/// An address that cannot be used (a config error, exit 2, when it comes from the config).
package enum EmailAddressError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalid(String, reason: String)

    package var description: String {
        switch self {
        case let .invalid(text, reason): return "not a usable email address: \(text.debugDescription) (\(reason))"
        }
    }
}
