import SMSCore
import SMSConfig

/// A report that `run` wrote for one account, handed to the delivery step.
public struct FinishedReport: Sendable {
    public var account: String
    public var period: RunPeriod
    /// The period folder that holds the files.
    public var folder: String
    /// The files written, as paths, in the order they were written.
    public var files: [String]
    /// False when the data is incomplete: the email is marked `[INCOMPLETE]`.
    public var isComplete: Bool
    /// The `summary` table's delivery rate, when there are deliveries.
    public var deliveryRate: Ratio?
    /// Where the email goes.
    public var recipients: [String]

    public init(account: String, period: RunPeriod, folder: String, files: [String], isComplete: Bool,
                deliveryRate: Ratio?, recipients: [String]) {
        self.account = account
        self.period = period
        self.folder = folder
        self.files = files
        self.isComplete = isComplete
        self.deliveryRate = deliveryRate
        self.recipients = recipients
    }
}

/// Delivers a finished report: by email, as an `.eml` file, or not at all. It never
/// throws: a failure is an ``AccountRunRecord/Email`` with status `failed`, which
/// makes the account's exit code 4 while its files stay on disk.
public protocol ReportDeliverer: Sendable {
    /// Delivers `report` and says what became of it.
    func deliver(_ report: FinishedReport) async -> AccountRunRecord.Email
}

/// The deliverer of `--no-email`, and of a config without an `smtp` section.
public struct NoDelivery: ReportDeliverer {
    public init() {}

    public func deliver(_ report: FinishedReport) async -> AccountRunRecord.Email {
        AccountRunRecord.Email(status: .skipped, recipients: report.recipients)
    }
}
