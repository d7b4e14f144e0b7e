import Foundation
import SMSRender
import SMSSupport

/// What one account's part of a `run` did: written as `run.json` in the account's
/// period folder (contract §8), and summed up in one line at the end of the run.
package struct AccountRunRecord: Codable, Sendable, Equatable {
    /// How an account's run ended.
    package enum Outcome: String, Codable, Sendable {
        /// Fetched, reported and delivered (exit 0).
        case ok
        /// Reported and delivered, but the data is incomplete (exit 3).
        case incomplete
        /// Stopped by `account_timeout_minutes` (exit 3); `error` says in which step.
        case timedOut = "timed_out"
        /// The report is on disk but the email could not be sent (exit 4).
        case deliveryFailed = "delivery_failed"
        /// The API refused the token; no report was written (exit 5).
        case authenticationRefused = "authentication_refused"
        /// A usage, config or data error stopped the account (exit 2).
        case invalidInput = "invalid_input"
        /// Something unexpected stopped the account (exit 1).
        case failed
        /// Stopped by SIGTERM or SIGINT (exit 3, though the process ends by the signal);
        /// `error` says in which step and what was left undone.
        case interrupted
        /// Left alone (exit 0): another process holds its lease, or `--resume` found
        /// it done (contract §11); `skipReason` says which. Never written as `run.json`.
        case skipped
    }

    /// What became of the email.
    package enum EmailStatus: String, Codable, Sendable {
        /// Accepted by the SMTP server.
        case sent
        /// Written as an `.eml` file by `--email-dry-run`.
        case dryRun = "dry_run"
        /// Not attempted: `--no-email`, no `smtp` section, no recipients, or no report.
        case skipped
        /// Refused or unreachable after every retry.
        case failed
    }

    /// The email part of the record.
    package struct Email: Codable, Sendable, Equatable {
        package var status: EmailStatus
        package var recipients: [String]
        package var subject: String?
        /// Attachments left out by the size guard.
        package var leftOut: [String]
        /// Why they were left out (``AttachmentPlan/reasonText``); nil when none were.
        package var leftOutReason: String?
        /// The size in bytes of the message the server accepted, as sent.
        package var messageBytes: Int?
        /// The `.eml` file written by a dry run.
        package var file: String?
        package var error: String?

        package init(status: EmailStatus, recipients: [String], subject: String? = nil, leftOut: [String] = [],
                    file: String? = nil, error: String? = nil) {
            self.status = status
            self.recipients = recipients
            self.subject = subject
            self.leftOut = leftOut
            self.file = file
            self.error = error
        }

        package enum CodingKeys: String, CodingKey {
            case status, recipients, subject, file, error
            case leftOut = "left_out"
            case leftOutReason = "left_out_reason"
            case messageBytes = "message_bytes"
        }
    }

    package var account: String
    /// The period's folder name: `2025-11-04`, `2025-11` or `2025-11-01_2025-11-15`.
    package var period: String
    package var periodFrom: String
    package var periodTo: String
    package var startedAt: String
    package var finishedAt: String
    package var outcome: Outcome
    package var exitStatus: ExitStatus
    /// The one-line error that ended the account's run, if any.
    package var error: String?
    /// The snapshot the report was made from.
    package var snapshot: String?
    package var complete: Bool?
    package var incompleteReasons: [String]
    /// What the user should know that is not an error, e.g. operators billed at the
    /// rate card's default price.
    package var notices: [String]
    package var deliveries: Int?
    package var delivered: Int?
    /// Delivered over deliveries, 0–1; absent when there are no deliveries.
    package var deliveryRate: Double?
    /// The report files written, as paths.
    package var files: [String]
    /// The message of each alert the report raised (contract §10), in the `alerts` table's order.
    package var alerts: [String] = []
    package var email: Email?
    /// Seconds spent in each step: `fetch`, `report`, `deliver`, `total`.
    package var durations: [String: Double]
    /// Why the account was skipped (outcome `skipped`), e.g. `done (run of 2025-11-05T01:00:00Z)`.
    package var skipReason: String?

    package init(account: String, period: String, periodFrom: String, periodTo: String, startedAt: String,
                finishedAt: String, outcome: Outcome, exitStatus: ExitStatus, error: String? = nil, snapshot: String? = nil,
                complete: Bool? = nil, incompleteReasons: [String] = [], notices: [String] = [], deliveries: Int? = nil, delivered: Int? = nil,
                deliveryRate: Double? = nil, files: [String] = [], email: Email? = nil, durations: [String: Double] = [:]) {
        self.account = account
        self.period = period
        self.periodFrom = periodFrom
        self.periodTo = periodTo
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.outcome = outcome
        self.exitStatus = exitStatus
        self.error = error
        self.snapshot = snapshot
        self.complete = complete
        self.incompleteReasons = incompleteReasons
        self.notices = notices
        self.deliveries = deliveries
        self.delivered = delivered
        self.deliveryRate = deliveryRate
        self.files = files
        self.email = email
        self.durations = durations
    }

    package enum CodingKeys: String, CodingKey {
        case account, period, outcome, error, snapshot, complete, notices, deliveries, delivered, files, alerts, email, durations
        case periodFrom = "period_from"
        case periodTo = "period_to"
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case exitStatus = "exit_code"
        case incompleteReasons = "incomplete_reasons"
        case deliveryRate = "delivery_rate"
        case skipReason = "skipped"
    }

    /// The record as `run.json` text: pretty, keys sorted.
    package func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding a record of strings, numbers and arrays cannot fail.
        return (try? encoder.encode(self)) ?? Data()
    }

    /// The line the run prints for this account, e.g.
    /// `acme 2025-11-04: 1,234 deliveries, 96.2% delivered; fetch 3.1 s, report 0.4 s, deliver 0.8 s; ok`.
    /// A skipped account's line says why, e.g.
    /// `acme 2025-11-04: skipped (exit 0), being run by another process (lease held)`.
    package var summaryLine: String {
        if outcome == .skipped {
            return "\(account) \(period): skipped (exit \(exitStatus.rawValue))" + (skipReason.map { ", \($0)" } ?? "")
        }
        var counts = "no report"
        if let deliveries {
            counts = "\(DisplayFormat.count(deliveries)) deliveries"
            if let deliveryRate {
                counts += ", " + String(format: "%.1f%% delivered", deliveryRate * 100)
            }
            if !alerts.isEmpty {
                counts += ", \(alerts.count) alert\(alerts.count == 1 ? "" : "s")"
            }
        }
        let steps = ["fetch", "report", "deliver"].compactMap { step in
            durations[step].map { "\(step) " + String(format: "%.1f s", $0) }
        }
        var end = outcome.rawValue + " (exit \(exitStatus.rawValue))"
        if let email, email.status != .skipped {
            end += ", email \(email.status.rawValue.replacingOccurrences(of: "_", with: " "))"
        }
        if let error {
            end += ": \(error)"
        }
        return "\(account) \(period): \(counts)" + (steps.isEmpty ? "" : "; " + steps.joined(separator: ", ")) + "; " + end
    }
}
