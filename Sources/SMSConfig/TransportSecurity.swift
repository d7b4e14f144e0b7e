import GatewayAPI

/// Contract §8: a `base_url` or SMTP host that is not loopback must use TLS, unless
/// `allow_insecure: true` says otherwise (and every run then logs a warning).
package enum TransportSecurity {
    /// True for `localhost`, `127.0.0.0/8` and `::1`: traffic that never leaves the machine.
    package static func isLoopback(host: String) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let lowered = bare.lowercased()
        if lowered == "localhost" || lowered == "::1" || lowered == "0:0:0:0:0:0:0:1" {
            return true
        }
        let octets = lowered.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127"
            && octets.allSatisfy { $0.count <= 3 && UInt8($0) != nil }
    }
}

extension APIBaseURL {
    /// The host of ``authority``, without the port (and without brackets for IPv6).
    package var host: String {
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            return String(authority[authority.index(after: authority.startIndex)..<close])
        }
        return authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? authority
    }

    /// True when the token travels encrypted (`https`) or never leaves the machine (loopback).
    package var protectsToken: Bool {
        scheme == "https" || TransportSecurity.isLoopback(host: host)
    }
}
