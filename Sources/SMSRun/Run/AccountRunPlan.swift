import SMSFetch
import SMSConfig
import SMSCore

/// One account's share of a `run`, fully resolved from the config: what to fetch and
/// where, what to report and where, and which snapshots to keep.
package struct AccountRunPlan: Sendable {
    /// The account's name from the config (path-safe).
    package var account: String
    /// The days the run covers.
    package var period: RunPeriod
    /// The fetch; its `outputFolder` is the new snapshot folder.
    package var fetch: FetchRequest
    /// The report; its `snapshotFolder` is the fetch's output and its `outputFolder`
    /// the period folder.
    package var report: ReportRequest
    /// Where the account's email goes.
    package var recipients: [String]
    /// The account's snapshot folders, of which a good run keeps the newest `keep_snapshots`.
    package var snapshotsFolder: String

    package init(account: String, period: RunPeriod, fetch: FetchRequest, report: ReportRequest, recipients: [String],
                snapshotsFolder: String) {
        self.account = account
        self.period = period
        self.fetch = fetch
        self.report = report
        self.recipients = recipients
        self.snapshotsFolder = snapshotsFolder
    }

    /// The folders whose leftovers of dead processes are removed before the account
    /// runs (``LeftoverCleanup``): the account's folder (period staging), its
    /// snapshots folder and the period folder (temporary files).
    package var foldersToClean: [String] {
        [FileDurability.folder(of: snapshotsFolder), snapshotsFolder, report.outputFolder]
    }
}
