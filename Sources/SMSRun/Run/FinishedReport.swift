import SMSCore
import SMSConfig

/// A report that `run` wrote for one account, handed to the delivery step.
package struct FinishedReport: Sendable {
    package var account: String
    package var period: RunPeriod
    /// The period folder that holds the files.
    package var folder: String
    /// The files written, as paths, in the order they were written.
    package var files: [String]
    /// False when the data is incomplete: the email is marked `[INCOMPLETE]`.
    package var isComplete: Bool
    /// The `summary` table's delivery rate, when there are deliveries.
    package var deliveryRate: Ratio?
    /// Where the email goes.
    package var recipients: [String]
    /// How many alerts the report raised: the email is marked `[ALERT]` when any.
    package var alerts: Int

    package init(account: String, period: RunPeriod, folder: String, files: [String], isComplete: Bool,
                deliveryRate: Ratio?, recipients: [String], alerts: Int = 0) {
        self.account = account
        self.period = period
        self.folder = folder
        self.files = files
        self.isComplete = isComplete
        self.deliveryRate = deliveryRate
        self.recipients = recipients
        self.alerts = alerts
    }
}

/// Delivers a finished report: by email, as an `.eml` file, or not at all. It never
/// throws: a failure is an ``AccountRunRecord/Email`` with status `failed`, which
/// makes the account's exit code 4 while its files stay on disk.
package protocol ReportDeliverer: Sendable {
    /// Delivers `report` and says what became of it.
    func deliver(_ report: FinishedReport) async -> AccountRunRecord.Email
}

/// The deliverer of `--no-email`, and of a config without an `smtp` section.
package struct NoDelivery: ReportDeliverer {
    package init() {}

    package func deliver(_ report: FinishedReport) async -> AccountRunRecord.Email {
        AccountRunRecord.Email(status: .skipped, recipients: report.recipients)
    }
}
