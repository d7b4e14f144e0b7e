import GatewayAPI
import SMSBilling

/// One client account of the config (`accounts[i]`).
package struct AccountSettings: Sendable {
    /// The account's name, `[A-Za-z0-9_-]+`; it names the account's output folder.
    package let name: String
    /// The gateway's base URL for this account; the only host its token is sent to.
    package let baseURL: APIBaseURL
    /// The name of the environment variable that holds the account's API token.
    package let tokenVariable: String
    /// The token read from ``tokenVariable``; nil unless the config was loaded with
    /// ``ConfigRequirements/apiTokens``. It prints as `<redacted>`.
    package let token: APIToken?
    /// The account's rate card (`rate_card`, resolved from `rate_cards`); nil when it names none.
    package let rateCard: RateCard?
    /// The addresses the nightly report goes to; empty means no email for this account.
    package let emailTo: [String]
    /// `allow_insecure: true`: a plain `http://` base URL to a host that is not
    /// loopback is allowed (and logged as a warning at every run).
    package let allowsInsecure: Bool

    /// An account with every setting given (the loader makes these; tests and tools may too).
    package init(name: String, baseURL: APIBaseURL, tokenVariable: String, token: APIToken?,
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
