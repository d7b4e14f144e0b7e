import SMSSupport
import SMSCore
import SMSBilling
import SMSFetch
import SMSConfig

/// `billing --config FILE --account NAME` (contract §1, §7): the account's rate card,
/// timezone, status map and operator table come from the config, and without
/// `--snapshot` the month is fetched first, into the account's snapshots folder as
/// `run` would.
package struct ConfiguredBilling: Sendable {
    /// The config, loaded with just the billed account selected.
    package var config: RunConfig
    /// The month billed.
    package var month: LocalMonth

    package init(config: RunConfig, month: LocalMonth) {
        self.config = config
        self.month = month
    }

    /// The billed account: the config's only selected one.
    package var account: AccountSettings? {
        config.accounts.first
    }

    /// The fetch of the whole month for the account, into a new snapshot folder named
    /// after `startedAt`; nil when the account's token was not loaded.
    package func fetchRequest(startedAt: Instant, retryPolicy: RetryPolicy, tool: String) -> FetchRequest? {
        guard let account, let token = account.token else { return nil }
        return FetchRequest(
            baseURL: account.baseURL, token: token,
            outputFolder: config.layout.newSnapshotFolder(account: account.name, fetchedAt: startedAt),
            since: month.firstDay, until: month.lastDay, recheckHours: config.recheckHours, timeZone: config.timeZone,
            concurrency: config.concurrency, retryPolicy: retryPolicy, tool: tool)
    }

    /// The card to bill with: `replacement` (`--rate-card FILE`) when given, else the
    /// account's `rate_card`. Exit 2 when there is neither, before anything is fetched.
    package func rateCard(replacedBy replacement: RateCard?) throws(ReportError) -> RateCard {
        if let replacement {
            return replacement
        }
        guard let account else {
            throw .invalidOption(option: "--account", reason: "name the account to bill")
        }
        guard let card = account.rateCard else {
            throw .invalidOption(option: "--config",
                                 reason: "account \(account.name) has no rate_card in \(config.file); give it one, or pass --rate-card FILE")
        }
        return card
    }

    /// The billing of `snapshotFolder` with `rateCard`; `timeZone` overrides the config's.
    package func request(snapshotFolder: String, outputFolder: String, rateCard: RateCard, timeZone: ReportTimeZone?,
                        generatedAt: Instant, csvGuardsFormulas: Bool) -> BillingRequest {
        BillingRequest(
            snapshotFolder: snapshotFolder, outputFolder: outputFolder, month: month,
            account: account?.name ?? BillingOptions.defaultAccount, rateCard: rateCard,
            timeZone: timeZone ?? config.timeZone, generatedAt: generatedAt, csvGuardsFormulas: csvGuardsFormulas,
            statusMap: config.statusMap, operators: config.operators)
    }
}
