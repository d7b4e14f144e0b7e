import SMSAggregate
import SMSCore
import SMSIngest
import SMSBilling
import SMSRender

/// The typed, validated settings of a config file (contract §8), for `run` and `billing`.
///
/// Load one with ``load(path:environment:accounts:requirements:)``; every problem in the
/// file is a ``ConfigError`` that names the file, the key path and the line.
package struct RunConfig: Sendable {
    /// The config file as the user named it.
    package let file: String
    /// The absolute folder that holds the config file; relative paths in it are resolved from here.
    package let folder: String
    /// The report timezone (`timezone`).
    package let timeZone: ReportTimeZone
    /// Where the reports and snapshots go (`output_dir`), as an absolute path.
    package let outputFolder: String
    /// The formats each account's report is written in (`formats`), in the order given.
    package let formats: [ReportFormat]
    /// Snapshot folders kept per account after a good run (`keep_snapshots`).
    package let keepSnapshots: Int
    /// Requests in flight per account (`concurrency`).
    package let concurrency: Int
    /// Accounts run at the same time (`parallel_accounts`).
    package let parallelAccounts: Int
    /// Hours before the period's start fetched again for late status updates (`recheck_hours`).
    package let recheckHours: Int
    /// Every rate card of `rate_cards`, by name.
    package let rateCards: [String: RateCard]
    /// The selected accounts, in file order: those named by the `accounts` argument of
    /// ``load(path:environment:accounts:requirements:)``, or all of them.
    package let accounts: [AccountSettings]
    /// The names of all the accounts in the file, in file order.
    package let allAccountNames: [String]
    /// The mail server; nil when the file has no `smtp` section.
    package let smtp: SMTPSettings?
    /// The status map: the contract's, extended by `status_map`.
    package let statusMap: StatusMap
    /// The operator table: the contract's, or `operator_prefixes` when given.
    package let operators: OperatorTable
    /// How long one account's fetch, report and email may take (`account_timeout_minutes`);
    /// past it the account ends with exit 3 and the others go on.
    package let accountTimeout: Duration
    /// The history store (`store`): a SQLite file's absolute path, or a `postgres://` URL
    /// as written. Default: `<output_dir>/history.sqlite`.
    package let store: String
    /// The environment variable that holds a PostgreSQL store's password (`store_password_env`).
    package let storePasswordVariable: String
    /// When a change is an alert (`alerts`, contract §10).
    package let alertThresholds: AlertThresholds
    /// Which CSV files start with a UTF-8 byte order mark (`csv_bom`, contract §5).
    package let csvByteOrderMark: CSVByteOrderMark

    /// The defaults of the optional keys.
    package enum Defaults {
        /// `timezone`: Asia/Kathmandu (contract §1).
        package static let timeZone = ReportTimeZone.kathmandu
        /// `output_dir`: `reports`, beside the config file.
        package static let outputDirectory = "reports"
        /// `formats`: every format this build writes.
        package static var formats: [ReportFormat] { ReportFormat.available }
        /// `keep_snapshots`: two weeks of nightly snapshots.
        package static let keepSnapshots = 14
        /// `concurrency`: as `fetch --concurrency`.
        package static let concurrency = 4
        /// `parallel_accounts`.
        package static let parallelAccounts = 2
        /// `recheck_hours`: as `fetch --recheck-hours`.
        package static let recheckHours = 48
        /// `smtp.max_attachments_mb`.
        package static let maxAttachmentsMB = 10
        /// `account_timeout_minutes` (contract §8).
        package static let accountTimeoutMinutes = 120
        /// `store`: `history.sqlite` in the output folder.
        package static let storeFileName = "history.sqlite"
        /// `store_password_env` (contract §1).
        package static let storePasswordVariable = "SMS_REPORT_STORE_PASSWORD"
        /// `csv_bom`: a BOM only in the CSVs of the emailed zip (contract §5).
        package static let csvByteOrderMark = CSVByteOrderMark.email
    }

    /// Settings with every value given; ``load(path:environment:accounts:requirements:)`` makes them from a file.
    package init(file: String, folder: String, timeZone: ReportTimeZone, outputFolder: String, formats: [ReportFormat],
                keepSnapshots: Int, concurrency: Int, parallelAccounts: Int, recheckHours: Int,
                rateCards: [String: RateCard], accounts: [AccountSettings], allAccountNames: [String],
                smtp: SMTPSettings?, statusMap: StatusMap, operators: OperatorTable,
                accountTimeout: Duration = .seconds(Defaults.accountTimeoutMinutes * 60), store: String? = nil,
                storePasswordVariable: String = Defaults.storePasswordVariable,
                alertThresholds: AlertThresholds = .standard, csvByteOrderMark: CSVByteOrderMark = Defaults.csvByteOrderMark) {
        self.file = file
        self.folder = folder
        self.timeZone = timeZone
        self.outputFolder = outputFolder
        self.formats = formats
        self.keepSnapshots = keepSnapshots
        self.concurrency = concurrency
        self.parallelAccounts = parallelAccounts
        self.recheckHours = recheckHours
        self.rateCards = rateCards
        self.accounts = accounts
        self.allAccountNames = allAccountNames
        self.smtp = smtp
        self.statusMap = statusMap
        self.operators = operators
        self.accountTimeout = accountTimeout
        self.store = store ?? outputFolder + "/" + Defaults.storeFileName
        self.storePasswordVariable = storePasswordVariable
        self.alertThresholds = alertThresholds
        self.csvByteOrderMark = csvByteOrderMark
    }

    /// The warnings every run logs: each account or `smtp` section whose
    /// `allow_insecure: true` lets a secret travel in clear text (contract §8).
    package var insecureTransportWarnings: [String] {
        var warnings = accounts.filter { $0.allowsInsecure && !$0.baseURL.protectsToken }.map { account in
            "account \(account.name): allow_insecure is set: its API token goes in clear text to \(account.baseURL)"
        }
        if let smtp, smtp.allowsInsecure, smtp.security == .none, !TransportSecurity.isLoopback(host: smtp.host) {
            warnings.append("smtp: allow_insecure is set: mail and password go in clear text to \(smtp.host):\(smtp.port)")
        }
        return warnings
    }

    /// The lock file of `run` (contract §8): `<config>.lock`, beside the config.
    package var lockFile: String { file + ".lock" }

    /// The output layout under ``outputFolder``.
    package var layout: OutputLayout { OutputLayout(outputFolder: outputFolder) }

    /// The selected account named `name` (exact match).
    package func account(named name: String) -> AccountSettings? {
        accounts.first { $0.name == name }
    }
}
