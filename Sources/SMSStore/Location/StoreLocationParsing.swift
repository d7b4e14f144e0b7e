import Foundation

extension StoreLocation {
    /// Reads a `--store` value or a config's `store` (contract §1).
    ///
    /// `postgres://USER@HOST[:PORT]/DATABASE` (or `postgresql://`) names a PostgreSQL
    /// database; its password comes from the environment, so a URL that carries one is
    /// refused with ``StoreError/passwordInURL``. Any other text without a `://` is a
    /// SQLite file path; a relative one is resolved against `folder` (the config's
    /// folder) when given, else left relative to the working directory. Errors never
    /// repeat the URL, so a secret typed into it does not reach the output.
    package static func parse(_ text: String, relativeTo folder: String?) throws(StoreError) -> StoreLocation {
        guard !text.isEmpty else { throw .invalidLocation(reason: "the store is empty: give a SQLite file path or a postgres:// URL") }
        guard let schemeEnd = text.range(of: "://") else {
            return .sqlite(path: resolvedPath(text, relativeTo: folder))
        }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "postgres" || scheme == "postgresql" else {
            let shownScheme = scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." } ? scheme : "?"
            throw .invalidLocation(reason: "unsupported store URL scheme \(shownScheme)://: give a SQLite file path or postgres://USER@HOST[:PORT]/DATABASE")
        }
        return .postgres(try PostgresStoreAddress(urlRemainder: text[schemeEnd.upperBound...]))
    }

    /// `path` made absolute against `folder` when it is relative and a folder is given.
    private static func resolvedPath(_ path: String, relativeTo folder: String?) -> String {
        guard let folder, !path.hasPrefix("/") else { return path }
        let base = URL(fileURLWithPath: folder, isDirectory: true)
        return URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL.path
    }
}

extension PostgresStoreAddress {
    private static let form = "postgres://USER@HOST[:PORT]/DATABASE"

    /// Parses what follows `postgres://`: `USER@HOST[:PORT]/DATABASE`, the host may be
    /// a bracketed IPv6 address. Reasons name what is wrong, never the text itself.
    fileprivate init(urlRemainder: Substring) throws(StoreError) {
        let authorityEnd = urlRemainder.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? urlRemainder.endIndex
        let authority = urlRemainder[..<authorityEnd]
        // The password check comes first: whatever else is wrong, a secret was typed into the URL.
        let at = authority.lastIndex(of: "@")
        if let at, authority[..<at].contains(":") { throw .passwordInURL }
        let rest = urlRemainder[authorityEnd...]
        if rest.contains("?") || rest.contains("#") {
            throw .invalidLocation(reason: "the store URL must not have query parameters or a fragment: \(Self.form)")
        }
        guard let at, let user = Self.decoded(authority[..<at]), !user.isEmpty else {
            throw .invalidLocation(reason: "the store URL names no user: \(Self.form)")
        }
        let (host, port) = try Self.hostAndPort(authority[authority.index(after: at)...])
        guard rest.hasPrefix("/"), let database = Self.decoded(rest.dropFirst()), !database.isEmpty, !database.contains("/") else {
            throw .invalidLocation(reason: "the store URL names no database: \(Self.form)")
        }
        self.init(user: user, host: host, port: port, database: database)
    }

    /// `HOST`, `HOST:PORT`, `[IPv6]` or `[IPv6]:PORT`; the port defaults to 5432.
    private static func hostAndPort(_ text: Substring) throws(StoreError) -> (String, Int) {
        var host: Substring
        var portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw .invalidLocation(reason: "the store URL's IPv6 host has no closing ]") }
            host = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw .invalidLocation(reason: "the store URL's host is not valid: \(form)") }
                portText = after.dropFirst()
            }
        } else if let colon = text.firstIndex(of: ":") {
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        } else {
            host = text
        }
        guard !host.isEmpty, let decodedHost = decoded(host) else {
            throw .invalidLocation(reason: "the store URL names no host: \(form)")
        }
        guard let portText else { return (decodedHost, 5432) }
        guard portText.count <= 5, portText.allSatisfy(\.isASCIIDigit), let port = Int(portText), (1...65535).contains(port) else {
            throw .invalidLocation(reason: "the store URL's port must be a number from 1 to 65535")
        }
        return (decodedHost, port)
    }

    /// Percent-decodes a URL part; nil when its escapes are broken.
    private static func decoded(_ part: Substring) -> String? {
        String(part).removingPercentEncoding
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
