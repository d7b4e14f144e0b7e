/// The API token. Its text is reachable only through ``authorizationHeaderValue``;
/// printing, logging or dumping the value shows `<redacted>`, so the token cannot
/// leak into output, logs, files or errors by accident.
public struct APIToken: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let secret: String

    /// A token read from the environment.
    public init(_ secret: String) {
        self.secret = secret
    }

    /// `Token <token>`, the value of the `Authorization` header (API docs).
    package var authorizationHeaderValue: String {
        "Token \(secret)"
    }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    public var customMirror: Mirror { Mirror(self, children: []) }
}
