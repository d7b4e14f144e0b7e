import SMSCore
import SMSIngest
import SMSBilling
import SMSRender
import SMSAggregate
import SMSHistory
import SMSStore

/// Everything a `report` run needs: where to read, where to write, and how.
package struct ReportRequest: Sendable {
    /// The snapshot folder to read.
    package var snapshotFolder: String
    /// The folder the report files go to; created when missing.
    package var outputFolder: String
    /// Period, batches, timezone and generation time.
    package var options: ReportOptions
    /// The formats to write.
    package var formats: [ReportFormat]
    /// False for `--csv-raw`.
    package var csvGuardsFormulas: Bool
    /// True to start each CSV file with a UTF-8 byte order mark (`--csv-bom`,
    /// `csv_bom: always`; contract §5).
    package var csvByteOrderMark = false
    /// The status map, with any `--status-map` overrides.
    package var statusMap: StatusMap
    /// The operator table, or its `--operators` replacement.
    package var operators: OperatorTable
    /// The folder of templates that replaces the bundled ones (`--templates`); nil for the bundled ones.
    package var templatesFolder: String?
    /// The account and rate card to bill with (`--rate-card`): the reports then carry the
    /// `billing` table (contract §7). Nil for no billing.
    package var billing: BillingOptions?
    /// The account the report is for, named in the HTML header; nil names the API's base URL.
    package var account: String?
    /// The account whose history the report keeps (`--store`, and every `run`): the
    /// outcome then carries the days and rollups to store. Nil keeps none.
    package var historyAccount: String?
    /// The store the report's changes, alerts and sparklines are read from, for
    /// ``historyAccount`` (contract §10); nil for a report without them.
    package var trendsStore: (any HistoryStore)?
    /// When a change is an alert, and the smallest batch the worst-batches list ranks.
    package var alertThresholds: AlertThresholds = .standard

    package init(snapshotFolder: String, outputFolder: String, options: ReportOptions,
                formats: [ReportFormat] = ReportFormat.available, csvGuardsFormulas: Bool = true,
                statusMap: StatusMap = .standard, operators: OperatorTable = .standard,
                templatesFolder: String? = nil, billing: BillingOptions? = nil, account: String? = nil,
                historyAccount: String? = nil) {
        self.snapshotFolder = snapshotFolder
        self.outputFolder = outputFolder
        self.options = options
        self.formats = formats
        self.csvGuardsFormulas = csvGuardsFormulas
        self.statusMap = statusMap
        self.operators = operators
        self.templatesFolder = templatesFolder
        self.billing = billing
        self.account = account
        self.historyAccount = historyAccount
    }
}

/// What a `report` run produced.
package struct ReportOutcome: Sendable {
    /// The files written, in order.
    package var files: [String]
    /// How many deliveries the report covers.
    package var deliveries: Int
    /// False when the snapshot is incomplete (exit code 3).
    package var isComplete: Bool
    /// Why the snapshot is incomplete.
    package var incompleteReasons: [String]
    /// The report's summary figures, for callers that quote them (the nightly run's
    /// email subject and `run.json`).
    package var summary: ReportSummary
    /// The billing written with the report; nil without a rate card.
    package var billing: BillingStatement? = nil
    /// What the store keeps of this report; nil without ``ReportRequest/historyAccount``.
    package var history: HistoryWrites? = nil
    /// Changes, alerts and sparklines; nil without ``ReportRequest/trendsStore``.
    package var trends: ReportTrends? = nil
    /// Why the trends could not be read from the store; the report was still written, with
    /// a note saying so.
    package var trendsError: HistoryError? = nil

    /// The alerts raised for the report's period.
    package var alerts: [Alert] {
        trends?.findings.alerts ?? []
    }
}
