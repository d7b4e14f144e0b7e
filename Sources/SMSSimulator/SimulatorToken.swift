/// The token the simulator accepts, and how a request proves it has it.
package enum SimulatorToken {
    /// The token when none is given.
    package static let defaultToken = "sim-token"
    /// The environment variable read when no other is named.
    package static let defaultEnvironmentVariable = "SMS_SIM_TOKEN"

    /// The token to accept: `explicit` (`--token`) when given, else the value of the
    /// environment variable `variable` (`--token-env`) when set and not empty, else
    /// ``defaultToken``.
    package static func resolve(explicit: String?, variable: String, environment: [String: String]) -> String {
        if let explicit {
            return explicit
        }
        if let value = environment[variable], !value.isEmpty {
            return value
        }
        return defaultToken
    }

    /// True when `header` (the `Authorization` value) is `Token <token>`, compared as
    /// Django REST Framework does: the keyword in any case, then exactly one credential.
    static func accepts(_ header: String?, token: String) -> Bool {
        guard let header else { return false }
        let parts = header.split(whereSeparator: \.isWhitespace)
        return parts.count == 2 && parts[0].lowercased() == "token" && parts[1] == token
    }
}
