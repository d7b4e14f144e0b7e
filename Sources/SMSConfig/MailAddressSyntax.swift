/// The small part of RFC 5322 address syntax the config checks: enough to refuse typos
/// and header injection (no white space, CR, LF, `<`, `>`, `,` or `;` in an address),
/// not a full parser.
package enum MailAddressSyntax {
    /// True for `local@domain` with a non-empty local part and a domain with a dot or a
    /// plain host name, and none of the forbidden characters.
    package static func isAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else {
            return false
        }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar.value > 0x20 && scalar.value != 0x7F && !"<>,;\"()[]\\".unicodeScalars.contains(scalar)
        }
    }

    /// The bare address of a `From` value: `reports@example.com` or
    /// `SMS Reports <reports@example.com>`; nil when it is neither, or holds a line break.
    package static func address(inFrom text: String) -> String? {
        guard !text.contains(where: { $0 == "\r" || $0 == "\n" }) else { return nil }
        if text.hasSuffix(">"), let open = text.lastIndex(of: "<") {
            let address = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
            let name = text[..<open]
            guard !name.contains("<"), !name.contains(">") else { return nil }
            return isAddress(address) ? address : nil
        }
        return isAddress(text) ? text : nil
    }
}
