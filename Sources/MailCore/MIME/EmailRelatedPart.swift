import Foundation

/// A Content-ID (RFC 2045 §7): `local@domain`, by which an HTML body refers to a part
/// of its message with a `cid:` URL (RFC 2392). Only letters, digits, `.`, `-` and `_`
/// are allowed on either side, so the URL needs no escaping and the header no quoting.
package struct EmailContentID: Sendable, Hashable, CustomStringConvertible {
    /// `local@domain`.
    package let value: String

    /// The Content-ID `local@domain`; nil when either side is empty or has another character.
    package init?(local: String, domain: String) {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_".utf8)
        guard !local.isEmpty, !domain.isEmpty, local.utf8.allSatisfy(allowed.contains),
              domain.utf8.allSatisfy(allowed.contains) else { return nil }
        value = "\(local)@\(domain)"
    }

    /// The URL an HTML body uses, `cid:local@domain`.
    package var url: String { "cid:" + value }

    /// The Content-ID header's value, `<local@domain>`.
    package var headerValue: String { "<\(value)>" }

    package var description: String { value }
}

/// A part that the HTML body refers to by its Content-ID, such as an inline image:
/// the message sends it beside the HTML in a `multipart/related` (RFC 2387), shown
/// in place rather than listed as an attachment.
package struct EmailRelatedPart: Sendable, Equatable {
    /// What the HTML's `cid:` URL names.
    package var contentID: EmailContentID
    /// The MIME type, e.g. ``EmailRelatedPart/pngType``.
    package var contentType: String
    /// The file name a client offers when the part is saved; any Unicode.
    package var fileName: String
    /// The part's bytes.
    package var data: Data

    /// A related part.
    package init(contentID: EmailContentID, contentType: String, fileName: String, data: Data) {
        self.contentID = contentID
        self.contentType = contentType
        self.fileName = fileName
        self.data = data
    }

    /// The MIME type of a PNG image.
    package static let pngType = "image/png"
}
