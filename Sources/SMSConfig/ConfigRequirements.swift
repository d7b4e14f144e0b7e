/// Which environment variables a command needs the config to resolve. Each variable that
/// is needed and not set (or empty) is a config error naming the key and its line.
package struct ConfigRequirements: OptionSet, Sendable {
    /// The requirements as bits.
    package let rawValue: Int

    /// The requirements whose bits are set in `rawValue`.
    package init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// The API token (`token_env`) of every selected account: for fetching.
    package static let apiTokens = ConfigRequirements(rawValue: 1 << 0)
    /// Email: an `smtp` section when a selected account has `email_to`, and its password
    /// (`password_env`) when it has a `username`.
    package static let email = ConfigRequirements(rawValue: 1 << 1)

    /// What `run` needs: tokens and email.
    package static let run: ConfigRequirements = [.apiTokens, .email]
    /// Nothing from the environment: e.g. `billing --snapshot DIR --config FILE`, which only needs a rate card.
    package static let none: ConfigRequirements = []
}
