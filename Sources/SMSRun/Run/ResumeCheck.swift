import Foundation
import SMSStore

/// `run --resume` (contract §11): whether the history store records an
/// account-period as done, so that a retried run redoes only what did not finish.
package enum ResumeCheck {
    /// The run that finished `period` (its folder name) for good, among an account's
    /// runs rows: a `run` of that period that ended with exit 0 and whose email the
    /// SMTP server accepted, or that needed no email (`emailExpected` false: the
    /// account has no `email_to`). The newest such run; nil when there is none.
    ///
    /// A dry-run `.eml` or `--no-email` is not an email sent (`emailed` is false in the
    /// row), so such a run does not count as done for an account with recipients.
    package static func finishedRun(in runs: [StoredRun], period: String, emailExpected: Bool) -> StoredRun? {
        runs.last { run in
            run.command == "run" && run.period == period && run.exitCode == 0 && (run.emailed || !emailExpected)
        }
    }
}

/// Why `run` left an account-period alone (contract §11). A skipped account ends
/// with exit 0: its work is done, or being done, by another run; its period folder
/// and `run.json` stay as they are, and no runs row is added.
package enum RunSkip: Sendable, Equatable {
    /// Another process holds the account-period's lease in the PostgreSQL store.
    case leaseHeld
    /// `--resume`: the store records the period as done by the run started at this
    /// time (ISO 8601).
    case done(runStartedAt: String)

    /// The reason, as the log line and the summary line give it, e.g.
    /// `being run by another process (lease held)`.
    package var reason: String {
        switch self {
        case .leaseHeld: "being run by another process (lease held)"
        case .done(let startedAt): "done (run of \(startedAt))"
        }
    }

    /// The log line, e.g. `skipped: acme 2025-11-04 is being run by another process (lease held)`.
    package func logLine(account: String, period: String) -> String {
        "skipped: \(account) \(period) is \(reason)"
    }

    /// `--resume`'s skip of a period that `run` finished.
    package static func finished(by run: StoredRun) -> RunSkip {
        let seconds = Double(run.startedAt.microseconds) / 1_000_000
        let date = Date(timeIntervalSince1970: seconds)
        return .done(runStartedAt: date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: false)))
    }
}
