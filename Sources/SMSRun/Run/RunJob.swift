import Foundation
import Logging
import SMSConfig
import SMSCore
import SMSFetch
import SMSSupport
import SMSAggregate

/// The nightly job (contract §8): for every account, fetch the period, report it and
/// deliver it; accounts run side by side up to a limit, and one account's failure
/// never stops the others.
public struct RunJob: Sendable {
    /// The accounts to run, in the config's order.
    public var plans: [AccountRunPlan]
    /// Accounts in progress at once.
    public var parallelAccounts: Int
    /// Sends (or writes, or skips) each finished report.
    public var deliverer: any ReportDeliverer
    /// Snapshots kept per account after a good run (contract §8 `keep_snapshots`).
    public var keepSnapshots: Int
    /// Progress and problems, one line per step.
    public var logger: Logger

    public init(plans: [AccountRunPlan], parallelAccounts: Int, deliverer: any ReportDeliverer, keepSnapshots: Int,
                logger: Logger) {
        self.plans = plans
        self.parallelAccounts = max(1, parallelAccounts)
        self.deliverer = deliverer
        self.keepSnapshots = keepSnapshots
        self.logger = logger
    }

    /// Runs every account and returns their records, in the plans' order. Each
    /// record is also written as `run.json` in the account's period folder.
    public func run() async -> [AccountRunRecord] {
        let job = self
        return await BoundedConcurrency.map(plans, limit: parallelAccounts) { plan in
            await job.run(plan)
        }
    }

    private func run(_ plan: AccountRunPlan) async -> AccountRunRecord {
        var logger = logger
        logger[metadataKey: "account"] = "\(plan.account)"
        var record = AccountRunRecord(
            account: plan.account, period: plan.period.folderName, periodFrom: plan.period.first.description,
            periodTo: plan.period.last.description, startedAt: Self.timestamp(), finishedAt: "", outcome: .ok,
            exitCode: 0)
        let started = ContinuousClock.now
        await steps(plan, into: &record, logger: logger)
        record.durations["total"] = (ContinuousClock.now - started).inSeconds
        record.finishedAt = Self.timestamp()
        write(record, into: plan.report.outputFolder, logger: logger)
        if record.exitCode == 0 {
            prune(plan, logger: logger)
        }
        logger.info("\(record.summaryLine)")
        return record
    }

    private func steps(_ plan: AccountRunPlan, into record: inout AccountRunRecord, logger: Logger) async {
        logger.info("fetching \(plan.period) into \(plan.fetch.outputFolder)")
        var clock = ContinuousClock.now
        let fetched: FetchOutcome
        do {
            fetched = try await SnapshotFetcher(request: plan.fetch, logger: logger).run()
        } catch {
            record.durations["fetch"] = (ContinuousClock.now - clock).inSeconds
            record.fail(exitCode: error.exitCode, message: error.description)
            logger.error("fetch failed: \(error.description)")
            return
        }
        record.durations["fetch"] = (ContinuousClock.now - clock).inSeconds
        record.snapshot = fetched.snapshotFolder
        if !fetched.isComplete {
            logger.warning("the snapshot is INCOMPLETE: \(fetched.manifest.reasons.joined(separator: "; "))")
        }

        logger.info("reporting into \(plan.report.outputFolder)")
        clock = ContinuousClock.now
        let report: ReportOutcome
        do {
            report = try await ReportJob.run(plan.report)
        } catch {
            record.durations["report"] = (ContinuousClock.now - clock).inSeconds
            record.fail(exitCode: error.exitCode, message: error.description)
            logger.error("report failed: \(error.description)")
            return
        }
        record.durations["report"] = (ContinuousClock.now - clock).inSeconds
        let rate = report.summary.deliveryRate
        record.deliveries = report.deliveries
        record.delivered = report.summary.totals.count(.delivered)
        record.deliveryRate = rate.map(\.value)
        record.files = report.files
        record.complete = report.isComplete
        record.incompleteReasons = report.incompleteReasons
        record.notices = report.billing?.notices ?? []
        for notice in record.notices {
            logger.warning("\(notice)")
        }
        if !report.isComplete {
            record.outcome = .incomplete
            record.exitCode = 3
        }

        clock = ContinuousClock.now
        let finished = FinishedReport(account: plan.account, period: plan.period, folder: plan.report.outputFolder,
                                      files: report.files, isComplete: report.isComplete, deliveryRate: rate,
                                      recipients: plan.recipients)
        let email = await deliverer.deliver(finished)
        record.email = email
        if email.status != .skipped {
            record.durations["deliver"] = (ContinuousClock.now - clock).inSeconds
        }
        if email.status == .failed {
            let message = email.error ?? "the email could not be sent"
            record.fail(exitCode: 4, message: message + "; the report stays in \(plan.report.outputFolder)")
            logger.error("delivery failed: \(message)")
        }
    }

    private func write(_ record: AccountRunRecord, into folder: String, logger: Logger) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            var file = try AtomicFileWriter(path: folder + "/run.json")
            try file.write { $0.append(contentsOf: record.json()) }
            try file.commit()
        } catch {
            logger.error("cannot write run.json: \(error)")
        }
    }

    private func prune(_ plan: AccountRunPlan, logger: Logger) {
        let names = SnapshotRetention.snapshotNames(in: plan.snapshotsFolder)
        let current = URL(fileURLWithPath: plan.fetch.outputFolder).lastPathComponent
        for name in SnapshotRetention.namesToRemove(from: names, keep: keepSnapshots, current: current) {
            do {
                try FileManager.default.removeItem(atPath: plan.snapshotsFolder + "/" + name)
                logger.info("removed the old snapshot \(name)")
            } catch {
                logger.warning("cannot remove the old snapshot \(name): \(error.localizedDescription)")
            }
        }
    }


    private static func timestamp() -> String {
        Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: false))
    }
}

private extension AccountRunRecord {
    /// Ends the record with `exitCode` and its outcome, keeping the worse of the
    /// present and the new code.
    mutating func fail(exitCode code: Int32, message: String) {
        guard RunExitCode.severity(code) >= RunExitCode.severity(exitCode) else { return }
        exitCode = code
        error = message
        outcome = switch code {
        case 3: .incomplete
        case 4: .deliveryFailed
        case 5: .authenticationRefused
        case 2: .invalidInput
        default: .failed
        }
    }
}
