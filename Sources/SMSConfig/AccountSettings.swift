import SMSBilling
import SMSFetch

/// One client account of the config (`accounts[i]`).
public struct AccountSettings: Sendable {
    /// The account's name, `[A-Za-z0-9_-]+`; it names the account's output folder.
    public let name: String
    /// The gateway's base URL for this account; the only host its token is sent to.
    public let baseURL: APIBaseURL
    /// The name of the environment variable that holds the account's API token.
    public let tokenVariable: String
    /// The token read from ``tokenVariable``; nil unless the config was loaded with
    /// ``ConfigRequirements/apiTokens``. It prints as `<redacted>`.
    public let token: APIToken?
    /// The account's rate card (`rate_card`, resolved from `rate_cards`); nil when it names none.
    public let rateCard: RateCard?
    /// The addresses the nightly report goes to; empty means no email for this account.
    public let emailTo: [String]
    /// `allow_insecure: true`: a plain `http://` base URL to a host that is not
    /// loopback is allowed (and logged as a warning at every run).
    public let allowsInsecure: Bool

    /// An account with every setting given (the loader makes these; tests and tools may too).
    public init(name: String, baseURL: APIBaseURL, tokenVariable: String, token: APIToken?,
                rateCard: RateCard?, emailTo: [String], allowsInsecure: Bool = false) {
        self.name = name
        self.baseURL = baseURL
        self.tokenVariable = tokenVariable
        self.token = token
        self.rateCard = rateCard
        self.emailTo = emailTo
        self.allowsInsecure = allowsInsecure
    }
}
