/// The API token. Its text is reachable only through ``authorizationHeaderValue``;
/// printing, logging or dumping the value shows `<redacted>`, so the token cannot
/// leak into output, logs, files or errors by accident.
package struct APIToken: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let secret: String

    /// A token read from the environment.
    package init(_ secret: String) {
        self.secret = secret
    }

    /// `Token <token>`, the value of the `Authorization` header (API docs).
    package var authorizationHeaderValue: String {
        "Token \(secret)"
    }

    package var description: String { "<redacted>" }
    package var debugDescription: String { "<redacted>" }
    package var customMirror: Mirror { Mirror(self, children: []) }
}
