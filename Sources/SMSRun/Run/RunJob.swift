import Foundation
import Logging
import SMSConfig
import SMSCore
import SMSFetch
import SMSHistory
import SMSStore
import SMSSupport
import SMSAggregate

/// The nightly job (contract §8): for every account, fetch the period, report it and
/// deliver it; accounts run side by side up to a limit, and one account's failure
/// never stops the others.
package struct RunJob: Sendable {
    /// The accounts to run, in the config's order.
    package var plans: [AccountRunPlan]
    /// Accounts in progress at once.
    package var parallelAccounts: Int
    /// Sends (or writes, or skips) each finished report.
    package var deliverer: any ReportDeliverer
    /// Snapshots kept per account after a good run (contract §8 `keep_snapshots`).
    package var keepSnapshots: Int
    /// How long one account may take (`account_timeout_minutes`); past it the
    /// account ends with exit 3.
    package var accountTimeout: Duration
    /// Progress and problems, one line per step.
    package var logger: Logger
    /// The history store each account's days and run are kept in (contract §9), and
    /// its reports' changes and alerts are read from (§10).
    package var store: (any HistoryStore)?
    /// True for `--fail-on-alert`: an account that raised an alert ends with exit 7,
    /// after its report and email are done.
    package var failsOnAlert: Bool
    /// True for `--resume` (contract §11): an account-period that the store records as
    /// done (``ResumeCheck``) is skipped.
    package var resumes: Bool

    package init(plans: [AccountRunPlan], parallelAccounts: Int, deliverer: any ReportDeliverer, keepSnapshots: Int,
                accountTimeout: Duration = .seconds(RunConfig.Defaults.accountTimeoutMinutes * 60), logger: Logger,
                store: (any HistoryStore)? = nil, failsOnAlert: Bool = false, resumes: Bool = false) {
        self.plans = plans
        self.parallelAccounts = max(1, parallelAccounts)
        self.deliverer = deliverer
        self.keepSnapshots = keepSnapshots
        self.accountTimeout = accountTimeout
        self.logger = logger
        self.store = store
        self.failsOnAlert = failsOnAlert
        self.resumes = resumes
    }

    /// Runs every account and returns their records, in the plans' order. Each
    /// record is also written as `run.json` in the account's period folder.
    package func run() async -> [AccountRunRecord] {
        let job = self
        return await BoundedConcurrency.map(plans, limit: parallelAccounts) { plan in
            await job.run(plan)
        }
    }

    /// Runs one account under its lease when the store has leases (PostgreSQL,
    /// contract §11): an account-period whose lease another process holds is skipped.
    private func run(_ plan: AccountRunPlan) async -> AccountRunRecord {
        var logger = logger
        logger[metadataKey: "account"] = "\(plan.account)"
        if let stop = StopSignal.received {
            return notStarted(plan, stop: stop, logger: logger)
        }
        guard let leases = store?.leases else {
            return await runUnlessDone(plan, logger: logger)
        }
        let lease: (any StoreLease)?
        do {
            lease = try await leases.acquireLease(account: plan.account, period: plan.period.folderName)
        } catch {
            logger.error("history store: \(error.description)")
            return Self.failed(plan, error)
        }
        guard let lease else {
            return skip(plan, .leaseHeld, logger: logger)
        }
        let record = await runUnlessDone(plan, logger: logger)
        await uncancelled { await lease.release() }
        return record
    }

    /// With `--resume`, skips an account-period the store records as done; else runs it.
    /// A store that cannot say fails the account rather than risk a second email.
    private func runUnlessDone(_ plan: AccountRunPlan, logger: Logger) async -> AccountRunRecord {
        if resumes, let store {
            do {
                let runs = try await store.runs(account: plan.account)
                if let done = ResumeCheck.finishedRun(in: runs, period: plan.period.folderName,
                                                      emailExpected: !plan.recipients.isEmpty) {
                    return skip(plan, .finished(by: done), logger: logger)
                }
            } catch {
                logger.error("history store: cannot tell whether the period is done (--resume): \(error.description)")
                return Self.failed(plan, error)
            }
        }
        return await runAccount(plan, logger: logger)
    }

    /// The record of a skipped account: exit 0, nothing written, the reason logged.
    private func skip(_ plan: AccountRunPlan, _ skip: RunSkip, logger: Logger) -> AccountRunRecord {
        logger.info("\(skip.logLine(account: plan.account, period: plan.period.folderName))")
        var record = Self.record(plan, outcome: .skipped, status: .success)
        record.finishedAt = record.startedAt
        record.skipReason = skip.reason
        return record
    }

    /// The record of an account that a stop signal kept from starting, also written as `run.json`.
    private func notStarted(_ plan: AccountRunPlan, stop: StopSignal, logger: Logger) -> AccountRunRecord {
        var record = Self.record(plan, outcome: .interrupted, status: .incompleteData)
        record.interrupt(by: stop, during: "starting", folder: plan.report.outputFolder)
        record.finishedAt = record.startedAt
        logger.warning("\(record.error ?? "")")
        write(record, into: plan.report.outputFolder, logger: logger)
        return record
    }

    /// The record of an account that the store's error kept from starting.
    private static func failed(_ plan: AccountRunPlan, _ error: StoreError) -> AccountRunRecord {
        var record = Self.record(plan, outcome: .failed, status: error.exitStatus)
        record.finishedAt = record.startedAt
        record.error = error.description
        return record
    }

    /// A new record of `plan`'s account, started now.
    private static func record(_ plan: AccountRunPlan, outcome: AccountRunRecord.Outcome, status: ExitStatus) -> AccountRunRecord {
        AccountRunRecord(
            account: plan.account, period: plan.period.folderName, periodFrom: plan.period.first.description,
            periodTo: plan.period.last.description, startedAt: timestamp(), finishedAt: "", outcome: outcome,
            exitStatus: status)
    }

    private func runAccount(_ plan: AccountRunPlan, logger: Logger) async -> AccountRunRecord {
        for folder in plan.foldersToClean {
            for line in LeftoverCleanup.clean(folder) {
                logger.info("\(line)")
            }
        }
        let progress = AccountProgress(Self.record(plan, outcome: .ok, status: .success))
        let started = ContinuousClock.now
        let job = self
        let accountLogger = logger
        var record: AccountRunRecord
        switch await AccountDeadline.run(within: accountTimeout, { await job.steps(plan, progress: progress, logger: accountLogger) }) {
        case let .finished(finished):
            record = finished
            if let stop = StopSignal.received, progress.step != Self.lastStep {
                record.interrupt(by: stop, during: progress.step, folder: plan.report.outputFolder)
                logger.warning("\(record.error ?? "")")
            }
        case .timedOut:
            record = progress.record
            let limit = Self.minutes(accountTimeout)
            record.fail(.incompleteData, message: "stopped after account_timeout_minutes (\(limit)) during \(progress.step)")
            record.outcome = .timedOut
            logger.error("the account did not finish within account_timeout_minutes (\(limit)): stopped during \(progress.step)")
        }
        if record.files.isEmpty, FileManager.default.fileExists(atPath: plan.report.outputFolder + "/" + ReportEmail.textFileName) {
            logger.warning("no new report: the report of an earlier run stays in \(plan.report.outputFolder)")
        }
        record.durations["total"] = (ContinuousClock.now - started).inSeconds
        record.finishedAt = Self.timestamp()
        // Recorded even when a stop signal cancelled the account: the store says it was interrupted.
        let finished = record
        await uncancelled { await job.keepRun(finished, plan: plan, logger: accountLogger) }
        write(record, into: plan.report.outputFolder, logger: logger)
        if record.exitStatus == .success {
            prune(plan, logger: logger)
        }
        logger.info("\(record.summaryLine)")
        return record
    }

    /// Fetch, report and deliver, publishing the record to `progress` before each step.
    /// The report is written into a staging folder and replaces the period folder
    /// whole only when complete; nothing is put in place or sent once the account's
    /// time is up (the task is cancelled).
    private func steps(_ plan: AccountRunPlan, progress: AccountProgress, logger: Logger) async -> AccountRunRecord {
        var record = progress.record
        progress.publish(record, step: "fetch")
        logger.info("fetching \(plan.period) into \(plan.fetch.outputFolder)")
        var clock = ContinuousClock.now
        let fetched: FetchOutcome
        do {
            fetched = try await SnapshotFetcher(request: plan.fetch, logger: logger).run()
        } catch {
            record.durations["fetch"] = (ContinuousClock.now - clock).inSeconds
            record.fail(error.exitStatus, message: error.description)
            logger.error("fetch failed: \(error.description)")
            return record
        }
        record.durations["fetch"] = (ContinuousClock.now - clock).inSeconds
        record.snapshot = fetched.snapshotFolder
        if !fetched.isComplete {
            logger.warning("the snapshot is INCOMPLETE: \(fetched.manifest.reasons.joined(separator: "; "))")
        }

        // A fetch cut short by the account's deadline ends the account here, still in `fetch`.
        guard !Task.isCancelled else { return record }
        progress.publish(record, step: "report")
        logger.info("reporting into \(plan.report.outputFolder)")
        clock = ContinuousClock.now
        let report: ReportOutcome
        do {
            report = try await stagedReport(plan)
        } catch {
            record.durations["report"] = (ContinuousClock.now - clock).inSeconds
            record.fail(error.exitStatus, message: error.description)
            logger.error("report failed: \(error.description)")
            return record
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
        record.alerts = report.alerts.map(\.message)
        for alert in record.alerts {
            logger.warning("ALERT: \(alert)")
        }
        if let trendsError = report.trendsError {
            // The report is written without changes and alerts, and still delivered.
            record.fail(trendsError.exitStatus, message: trendsError.description)
            logger.error("history store: \(trendsError.description)")
        }
        if !report.isComplete {
            record.outcome = .incomplete
            record.exitStatus = record.exitStatus.worse(.incompleteData)
        }
        if let store, let writes = report.history {
            progress.publish(record, step: "store")
            do {
                try await HistoryWriter.writeDays(writes, to: store)
                try await store.recordAlerts(report.alerts.map {
                    StoredAlert($0, account: plan.account, period: plan.period.folderName, raisedAt: .now)
                })
                logger.info("stored \(writes.days.count) days in the history store")
            } catch {
                // The report is written and still delivered; the run ends with the store's error.
                record.fail(error.exitStatus, message: error.description)
                logger.error("history store: \(error.description)")
            }
        }

        progress.publish(record, step: "deliver")
        guard !Task.isCancelled else { return record }
        clock = ContinuousClock.now
        let finished = FinishedReport(account: plan.account, period: plan.period, folder: plan.report.outputFolder,
                                      files: report.files, isComplete: report.isComplete, deliveryRate: rate,
                                      recipients: plan.recipients, alerts: report.alerts.count)
        let email = await deliverer.deliver(finished)
        record.email = email
        if email.status != .skipped {
            record.durations["deliver"] = (ContinuousClock.now - clock).inSeconds
        }
        if email.status == .failed {
            let message = email.error ?? "the email could not be sent"
            record.fail(.deliveryFailed, message: message + "; the report stays in \(plan.report.outputFolder)")
            logger.error("delivery failed: \(message)")
        }
        if failsOnAlert, !record.alerts.isEmpty {
            record.exitStatus = record.exitStatus.worse(.alertRaised)
        }
        progress.publish(record, step: Self.lastStep)
        return record
    }

    /// The step published when every step is done: a stop signal after it leaves the record as it is.
    private static let lastStep = "done"

    /// The report, written into a staging folder beside the period folder and then
    /// swapped in for it whole; the files are given at their final paths. A report
    /// that fails, or whose account ran out of time, leaves the period folder as it was.
    private func stagedReport(_ plan: AccountRunPlan) async throws(ReportError) -> ReportOutcome {
        let staging = try StagingFolder(finalPath: plan.report.outputFolder)
        var request = plan.report
        request.outputFolder = staging.path
        request.historyAccount = store == nil ? nil : plan.account
        request.trendsStore = store
        do throws(ReportError) {
            var report = try await ReportJob.run(request)
            guard !Task.isCancelled else {
                throw ReportError.outputFailed(path: plan.report.outputFolder, reason: "the account ran out of time")
            }
            report.files = try staging.replaceFinal(files: report.files)
            return report
        } catch {
            staging.abandon()
            throw error
        }
    }

    /// Adds the account's runs row to the store, once its email is sent or not.
    private func keepRun(_ record: AccountRunRecord, plan: AccountRunPlan, logger: Logger) async {
        guard let store else { return }
        let run = StoredRun(record, period: plan.period)
        do {
            try await store.recordRun(run)
        } catch {
            logger.error("history store: cannot record the run: \(error.description)")
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


    /// `account_timeout_minutes` as the config gave it, e.g. `120 min` or `0.05 min`.
    private static func minutes(_ limit: Duration) -> String {
        let minutes = limit.inSeconds / 60
        return (minutes == minutes.rounded() ? String(Int(minutes)) : String(format: "%g", minutes)) + " min"
    }

    private static func timestamp() -> String {
        Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: false))
    }
}

private extension AccountRunRecord {
    /// Ends the record as stopped by `stop` during `step`, saying what was left undone
    /// (`folder` is the period folder).
    mutating func interrupt(by stop: StopSignal, during step: String, folder: String) {
        outcome = .interrupted
        exitStatus = .incompleteData
        let undone = switch step {
        case "starting": "the account was not started; \(folder) is as it was"
        case "fetch": "no snapshot was written; \(folder) is as it was"
        case "report": "the report was not written; \(folder) is as it was"
        default: "the report is in \(folder); the email was not sent"
        }
        error = "interrupted by \(stop) during \(step): \(undone)"
    }

    /// Ends the record with `status` and its outcome, keeping the worse of the
    /// present and the new status.
    mutating func fail(_ status: ExitStatus, message: String) {
        guard status.severity >= exitStatus.severity else { return }
        exitStatus = status
        error = message
        outcome = switch status {
        case .incompleteData: .incomplete
        case .deliveryFailed: .deliveryFailed
        case .authenticationRefused: .authenticationRefused
        case .usageError: .invalidInput
        default: .failed
        }
    }
}
