/// One account's share of a `run`, fully resolved from the config: what to fetch and
/// where, what to report and where, and which snapshots to keep.
public struct AccountRunPlan: Sendable {
    /// The account's name from the config (path-safe).
    public var account: String
    /// The period's folder name, first and last day.
    public var period: RunPeriodLabel
    /// The fetch; its `outputFolder` is the new snapshot folder.
    public var fetch: FetchRequest
    /// The report; its `snapshotFolder` is the fetch's output and its `outputFolder`
    /// the period folder.
    public var report: ReportRequest
    /// Where the account's email goes.
    public var recipients: [String]

    public init(account: String, period: RunPeriodLabel, fetch: FetchRequest, report: ReportRequest, recipients: [String]) {
        self.account = account
        self.period = period
        self.fetch = fetch
        self.report = report
        self.recipients = recipients
    }
}

/// A run's period as reports and records name it.
public struct RunPeriodLabel: Sendable, Equatable {
    /// `2025-11-04`, `2025-11` or `2025-11-01_2025-11-15` (contract §8).
    public var name: String
    public var from: LocalDay
    public var to: LocalDay

    public init(name: String, from: LocalDay, to: LocalDay) {
        self.name = name
        self.from = from
        self.to = to
    }
}
