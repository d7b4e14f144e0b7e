/// The gateway's base URL (`--base-url`): the only origin that requests, and the
/// token, are ever sent to.
package struct APIBaseURL: Sendable, Equatable, CustomStringConvertible {
    /// `http` or `https`.
    package let scheme: String
    /// Host and optional port, e.g. `dicesms.asia` or `127.0.0.1:8080`.
    package let authority: String
    /// A path prefix without a trailing slash (usually empty).
    package let pathPrefix: String

    /// Parses `text`; nil unless it is an absolute `http` or `https` URL with a host and
    /// no query or fragment.
    package init?(_ text: String) {
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        guard let schemeEnd = trimmed.range(of: "://") else { return nil }
        let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = trimmed[schemeEnd.upperBound...]
        guard !rest.contains("?"), !rest.contains("#"), !rest.contains("@") else { return nil }
        let slash = rest.firstIndex(of: "/")
        let authority = String(slash.map { rest[..<$0] } ?? rest)
        guard !authority.isEmpty else { return nil }
        self.scheme = scheme
        self.authority = authority
        self.pathPrefix = slash.map { String(rest[$0...]) } ?? ""
    }

    package var description: String {
        "\(scheme)://\(authority)\(pathPrefix)"
    }

    /// The absolute URL of `pathAndQuery` (which starts with `/`) on this origin.
    package func url(_ pathAndQuery: String) -> String {
        "\(scheme)://\(authority)\(pathPrefix)\(pathAndQuery)"
    }

    /// The path and query of a `next` link, relative to this base URL, to be requested
    /// from this origin whatever host the link names, so the token never goes to
    /// another host. A relative link is taken as it is. When the link's path starts
    /// with the base URL's path prefix (a gateway served under `/gateway` writes its
    /// links with it), the prefix is removed, since ``url(_:)`` adds it again. Nil when
    /// the link has no path.
    package func pathAndQuery(ofLink link: String) -> String? {
        guard let target = Self.target(ofLink: link) else { return nil }
        guard !pathPrefix.isEmpty, target.hasPrefix(pathPrefix) else { return target }
        let rest = target.dropFirst(pathPrefix.count)
        return rest.hasPrefix("/") ? String(rest) : target
    }

    /// The path and query of a link: the link itself when it starts with `/`, else what
    /// follows its authority.
    private static func target(ofLink link: String) -> String? {
        if link.hasPrefix("/") {
            return link
        }
        guard let schemeEnd = link.range(of: "://") else { return nil }
        let rest = link[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        return String(rest[slash...])
    }

    /// A path segment with every byte but `A-Z a-z 0-9 - . _ ~` percent-encoded, for batch
    /// ids in URLs (contract §2). The dot segments `.` and `..` become `%2E` and `%2E%2E`,
    /// so that no id can name another endpoint.
    package static func encodePathSegment(_ segment: String) -> String {
        if segment == "." || segment == ".." {
            return String(repeating: "%2E", count: segment.count)
        }
        var output = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                output.unicodeScalars.append("%")
                output.unicodeScalars.append(hex[Int(byte >> 4)])
                output.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return output
    }
}
