/// Which environment variables a command needs the config to resolve. Each variable that
/// is needed and not set (or empty) is a config error naming the key and its line.
public struct ConfigRequirements: OptionSet, Sendable {
    /// The requirements as bits.
    public let rawValue: Int

    /// The requirements whose bits are set in `rawValue`.
    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// The API token (`token_env`) of every selected account: for fetching.
    public static let apiTokens = ConfigRequirements(rawValue: 1 << 0)
    /// Email: an `smtp` section when a selected account has `email_to`, and its password
    /// (`password_env`) when it has a `username`.
    public static let email = ConfigRequirements(rawValue: 1 << 1)

    /// What `run` needs: tokens and email.
    public static let run: ConfigRequirements = [.apiTokens, .email]
    /// Nothing from the environment: e.g. `billing --snapshot DIR --config FILE`, which only needs a rate card.
    public static let none: ConfigRequirements = []
}
