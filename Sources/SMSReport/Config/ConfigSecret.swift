/// A secret read from the environment for the config, such as the SMTP password.
/// Printing, logging or dumping it shows `<redacted>`; only code in this library can
/// read its text (``revealedText``), so it cannot leak into output by accident.
public struct ConfigSecret: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let secret: String

    /// A secret read from the environment.
    public init(_ secret: String) {
        self.secret = secret
    }

    /// The secret's text, for the one place that sends it (e.g. SMTP AUTH).
    var revealedText: String { secret }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    public var customMirror: Mirror { Mirror(self, children: []) }
}
