import SMSCore
import SMSIngest
import SMSBilling

/// Everything a `billing` run needs: the snapshot, the month, the account and its
/// rate card, and where to write.
public struct BillingRequest: Sendable {
    /// The snapshot folder to read.
    public var snapshotFolder: String
    /// The folder `billing.csv` and `billing.xlsx` go to; created when missing.
    public var outputFolder: String
    /// The month billed, in the report timezone.
    public var month: LocalMonth
    /// The account billed: the config's account name, else `--account`, else `default`.
    public var account: String
    /// The prices, currency and billable statuses.
    public var rateCard: RateCard
    /// The timezone whose local days put deliveries in months.
    public var timeZone: ReportTimeZone
    /// The `generated_at` instant (now, or `SOURCE_DATE_EPOCH`).
    public var generatedAt: Instant
    /// False to write CSV text cells without the formula guard.
    public var csvGuardsFormulas: Bool
    /// The status map (config overrides included).
    public var statusMap: StatusMap
    /// The operator table (config overrides included).
    public var operators: OperatorTable

    /// A request to bill `account` for `month` of the snapshot in `snapshotFolder`.
    public init(snapshotFolder: String, outputFolder: String, month: LocalMonth,
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
public struct BillingOutcome: Sendable {
    /// The files written: `billing.csv`, then `billing.xlsx`.
    public var files: [String]
    /// The statement the files show.
    public var statement: BillingStatement
    /// False when the snapshot is incomplete (exit code 3).
    public var isComplete: Bool
    /// Why the snapshot is incomplete.
    public var incompleteReasons: [String]
}
