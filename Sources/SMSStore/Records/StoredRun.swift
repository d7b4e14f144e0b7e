import SMSCore

/// One account run, or one `report`/`billing` with `--store` (contract §9, "runs"):
/// what its `run.json` says.
package struct StoredRun: Sendable, Equatable {
    package var account: String
    /// `run`, `report` or `billing`.
    package var command: String
    /// The period's name: `2025-11-04`, `2025-11` or `2025-11-01_2025-11-15`.
    package var period: String
    package var periodFrom: LocalDay?
    package var periodTo: LocalDay?
    package var startedAt: Instant
    package var finishedAt: Instant
    /// The account's exit code (contract §1).
    package var exitCode: Int
    package var isComplete: Bool
    package var deliveries: Int
    /// The files written, relative to the output folder.
    package var files: [String]
    /// True when the report's email was accepted by the SMTP server.
    package var emailed: Bool
    /// Alerts raised (contract §10).
    package var alerts: Int
    /// The snapshot the run reported from, if any.
    package var snapshot: String?

    package init(account: String, command: String, period: String, periodFrom: LocalDay?, periodTo: LocalDay?,
                 startedAt: Instant, finishedAt: Instant, exitCode: Int, isComplete: Bool, deliveries: Int,
                 files: [String], emailed: Bool, alerts: Int, snapshot: String?) {
        self.account = account
        self.command = command
        self.period = period
        self.periodFrom = periodFrom
        self.periodTo = periodTo
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.exitCode = exitCode
        self.isComplete = isComplete
        self.deliveries = deliveries
        self.files = files
        self.emailed = emailed
        self.alerts = alerts
        self.snapshot = snapshot
    }
}
