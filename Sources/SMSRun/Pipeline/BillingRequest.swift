import SMSCore
import SMSHistory
import SMSIngest
import SMSBilling

/// Everything a `billing` run needs: the snapshot, the month, the account and its
/// rate card, and where to write.
package struct BillingRequest: Sendable {
    /// The snapshot folder to read.
    package var snapshotFolder: String
    /// The folder `billing.csv` and `billing.xlsx` go to; created when missing.
    package var outputFolder: String
    /// The month billed, in the report timezone.
    package var month: LocalMonth
    /// The account billed: the config's account name, else `--account`, else `default`.
    package var account: String
    /// The prices, currency and billable statuses.
    package var rateCard: RateCard
    /// The timezone whose local days put deliveries in months.
    package var timeZone: ReportTimeZone
    /// The `generated_at` instant (now, or `SOURCE_DATE_EPOCH`).
    package var generatedAt: Instant
    /// False to write CSV text cells without the formula guard.
    package var csvGuardsFormulas: Bool
    /// The status map (config overrides included).
    package var statusMap: StatusMap
    /// The operator table (config overrides included).
    package var operators: OperatorTable

    /// A request to bill `account` for `month` of the snapshot in `snapshotFolder`.
    package init(snapshotFolder: String, outputFolder: String, month: LocalMonth,
                account: String = BillingOptions.defaultAccount, rateCard: RateCard,
                timeZone: ReportTimeZone = .kathmandu, generatedAt: Instant, csvGuardsFormulas: Bool = true,
                statusMap: StatusMap = .standard, operators: OperatorTable = .standard) {
        self.snapshotFolder = snapshotFolder
        self.outputFolder = outputFolder
        self.month = month
        self.account = account
        self.rateCard = rateCard
        self.timeZone = timeZone
        self.generatedAt = generatedAt
        self.csvGuardsFormulas = csvGuardsFormulas
        self.statusMap = statusMap
        self.operators = operators
    }

    /// The report options that select the month's deliveries.
    package var reportOptions: ReportOptions {
        ReportOptions(timeZone: timeZone, from: month.firstDay, to: month.lastDay, generatedAt: generatedAt)
    }
}

/// What a `billing` run produced.
package struct BillingOutcome: Sendable {
    /// The files written: `billing.csv`, then `billing.xlsx`.
    package var files: [String]
    /// The statement the files show.
    package var statement: BillingStatement
    /// False when the snapshot is incomplete (exit code 3).
    package var isComplete: Bool
    /// Why the snapshot is incomplete.
    package var incompleteReasons: [String]
    /// What the store keeps of the month (`billing --snapshot … --store`); nil otherwise.
    package var history: HistoryWrites? = nil
}
