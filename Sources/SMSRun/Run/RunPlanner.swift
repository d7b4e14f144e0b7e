import SMSSupport
import SMSCore
import SMSIngest
import SMSBilling
import SMSFetch
import SMSRender
import SMSConfig

/// Turns a loaded config and a period into one resolved plan per selected account
/// (contract §8): where its snapshot and reports go, what is fetched, and how.
package struct RunPlanner: Sendable {
    /// The validated config, loaded with the API tokens.
    package var config: RunConfig
    /// The days to report.
    package var period: RunPeriod
    /// When the run started: it names the snapshot folders.
    package var startedAt: Instant
    /// The reports' `generated_at`.
    package var generatedAt: Instant
    /// How failed requests are retried.
    package var retryPolicy: RetryPolicy
    /// The tool's name and version, for the manifests.
    package var tool: String
    /// A folder of templates that replaces the bundled ones, or nil.
    package var templatesFolder: String?

    package init(config: RunConfig, period: RunPeriod, startedAt: Instant, generatedAt: Instant,
                retryPolicy: RetryPolicy = RetryPolicy(), tool: String = "sms-report", templatesFolder: String? = nil) {
        self.config = config
        self.period = period
        self.startedAt = startedAt
        self.generatedAt = generatedAt
        self.retryPolicy = retryPolicy
        self.tool = tool
        self.templatesFolder = templatesFolder
    }

    /// One plan per selected account, in the config's order. A whole-month period
    /// bills each account that has a rate card. An account with
    /// recipients also gets the HTML format, whose `report.txt` and `report.html` are
    /// the email's body, whatever `formats` says.
    /// - Throws: ``ConfigError`` when an account's token was not loaded (the config
    ///   must be loaded with ``ConfigRequirements/apiTokens``).
    package func plans() throws(ConfigError) -> [AccountRunPlan] {
        var plans: [AccountRunPlan] = []
        for account in config.accounts {
            guard let token = account.token else {
                throw ConfigError(file: config.file, keyPath: .root, line: nil,
                                  problem: .invalidValue("the token of account \(account.name) was not read from \(account.tokenVariable)"))
            }
            let layout = config.layout
            let snapshot = layout.newSnapshotFolder(account: account.name, fetchedAt: startedAt)
            let fetch = FetchRequest(
                baseURL: account.baseURL, token: token, outputFolder: snapshot, since: period.fetchSince,
                until: period.fetchUntil, recheckHours: config.recheckHours, timeZone: config.timeZone,
                concurrency: config.concurrency, retryPolicy: retryPolicy, tool: tool)
            var report = ReportRequest(
                snapshotFolder: snapshot, outputFolder: layout.periodFolder(account: account.name, period: period),
                options: ReportOptions(timeZone: config.timeZone, from: period.first, to: period.last,
                                       generatedAt: generatedAt),
                formats: formats(emailed: !account.emailTo.isEmpty), statusMap: config.statusMap,
                operators: config.operators, templatesFolder: templatesFolder, billing: billing(for: account),
                account: account.name)
            report.alertThresholds = config.alertThresholds
            report.csvByteOrderMark = config.csvByteOrderMark.marksFilesOnDisk
            plans.append(AccountRunPlan(account: account.name, period: period, fetch: fetch, report: report,
                                        recipients: account.emailTo,
                                        snapshotsFolder: layout.snapshotsFolder(account: account.name)))
        }
        return plans
    }

    /// A monthly run of an account with a rate card bills the month (contract §7).
    private func billing(for account: AccountSettings) -> BillingOptions? {
        guard let month = period.month, let card = account.rateCard else { return nil }
        return BillingOptions(account: account.name, rateCard: card, months: [month])
    }

    private func formats(emailed: Bool) -> [ReportFormat] {
        emailed && !config.formats.contains(.html) ? config.formats + [.html] : config.formats
    }
}
