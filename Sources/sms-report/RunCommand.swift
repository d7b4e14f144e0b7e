import ArgumentParser
import Foundation
import Logging
import SMSConfig
import SMSCore
import SMSRender
import SMSRun
import SMSStore
import SMSSupport

/// `sms-report run`: the nightly job — fetch, report and deliver for every account
/// of a config file.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Fetch, report and email every account of a config file (the nightly job).",
        discussion: """
            For each account: fetch the period (--since its first day, less recheck_hours) into \
            <output_dir>/<account>/snapshots/<fetch time>/, write the report into \
            <output_dir>/<account>/<period>/ with run.json, keep its whole days in the history store \
            (--store, else the config's store, default <output_dir>/history.sqlite), and email it. \
            Accounts run side by side \
            (parallel_accounts); one account's failure never stops another. The exit code is the \
            worst of the accounts': 0 < 7 alert (with --fail-on-alert) < 3 incomplete < 4 email failed \
            < 5 token refused < 2 < 1; 6 when another run of the same config holds its lock (a SQLite store; \
            with a postgres:// store each account-period holds a lease in the store instead, and an account \
            whose lease another process holds is skipped with exit 0). Each report \
            compares its KPIs with earlier periods and checks for alerts against the stored baseline \
            (the config's alerts block); an alert puts [ALERT] in front of the email's subject.

            Several machines: --shard K/N runs only the accounts that rendezvous hashing gives to shard K \
            of N (--shard auto/N reads K from JOB_COMPLETION_INDEX, as in a Kubernetes Indexed Job), and \
            --resume skips every account-period the store records as done (exit 0 and emailed, or exit 0 \
            without email_to), so a retried shard redoes only what did not finish.

            Examples:
              sms-report run --config /etc/sms-report/config.yaml
              sms-report run --config config.yaml --period 2025-11 --account acme
              sms-report run --config config.yaml --check
              sms-report run --config config.yaml --fail-on-alert
              sms-report run --config config.yaml --period 2025-11-04 --shard auto/3 --resume
            """
    )

    @Option(help: ArgumentHelp("The YAML config file.", valueName: "file"))
    var config: String

    @Option(help: ArgumentHelp("yesterday (default), today, a day YYYY-MM-DD or a month YYYY-MM, in the config's timezone.",
                               valueName: "period"))
    var period: String?

    @Option(help: ArgumentHelp("First local day of a custom period (with --to).", valueName: "day"))
    var from: String?

    @Option(help: ArgumentHelp("Last local day of a custom period, inclusive (with --from).", valueName: "day"))
    var to: String?

    @Option(name: .customLong("account"), help: ArgumentHelp("Run only this account (repeatable); all by default.", valueName: "name"))
    var accounts: [String] = []

    @Option(help: ArgumentHelp("Run only shard K of N (0 ≤ K < N ≤ \(RunShard.maximumCount)): the accounts rendezvous hashing gives it; auto/N takes K from \(RunShard.indexVariable).",
                               valueName: "K/N|auto/N"))
    var shard: String?

    @Flag(help: "Skip every account-period the history store records as done: exit 0 and emailed, or exit 0 with no email_to.")
    var resume = false

    @Option(help: ArgumentHelp("A folder of Mustache templates that replaces the bundled ones (report and subject).",
                               valueName: "folder"))
    var templates: String?

    @Flag(help: "Validate the config and the environment, without any network access, and exit.")
    var check = false

    @Flag(help: "Write the reports but send no email.")
    var noEmail = false

    @Flag(help: "Exit with 7 when an alert was raised, after every report and email is done.")
    var failOnAlert = false

    @Option(help: ArgumentHelp("Write each email as an .eml file into this folder instead of sending it.", valueName: "folder"))
    var emailDryRun: String?

    @Option(help: ArgumentHelp("Log lines as text, or as one JSON object per line for log shippers.", valueName: "text|json"))
    var logFormat: LogFormat = .text

    @OptionGroup var retry: APIRetryOptions

    @Option(help: ArgumentHelp("Retries of an email the SMTP server refused for now or that could not reach it (0–100).",
                               valueName: "n"))
    var emailRetries = 3

    @Option(help: ArgumentHelp("First backoff before an email retry, in milliseconds (0–3600000); each retry doubles it.",
                               valueName: "ms"))
    var emailRetryDelayMs = 5000

    @OptionGroup var history: StoreOptions

    @OptionGroup var output: QuietOption

    @Flag(name: .shortAndLong, help: "Also log every API request.")
    var verbose = false

    /// How log lines are written.
    enum LogFormat: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    func run() async throws {
        let needs: ConfigRequirements = noEmail || emailDryRun != nil ? .apiTokens : .run
        if check {
            let result = RunConfig.check(path: config, accounts: accounts, requirements: needs)
            if result.exitStatus == .success {
                print(result.lines.joined(separator: "\n"))
                return
            }
            let lines = result.lines.map { "error: \($0)\n" }.joined()
            FileHandle.standardError.write(Data(lines.utf8))
            throw ExitCode(result.exitStatus)
        }
        let logger = makeLogger()
        let selection = try shardSelection(logger: logger)
        if shard != nil, selection.isEmpty {
            return  // A shard that hashing gives no account has nothing to do.
        }
        let settings = try RunConfig.load(path: config, accounts: selection, requirements: needs)
        // A PostgreSQL store's leases guard each account-period (contract §11); the lock
        // file guards a SQLite store's run (§8).
        let lock: RunLock?
        switch try history.location(config: settings) {
        case .postgres: lock = nil
        case .sqlite, nil: lock = try RunLock(path: settings.lockFile)
        }
        defer { withExtendedLifetime(lock) {} }
        let runPeriod = try PeriodArguments.period(period: period, from: from, to: to, timeZone: settings.timeZone,
                                                   now: .now)
        let retryPolicy = try retry.policy()
        try RetryPolicy.check(retries: emailRetries, option: "--email-retries")
        try RetryPolicy.check(delayMilliseconds: emailRetryDelayMs, option: "--email-retry-delay-ms")
        let planner = RunPlanner(
            config: settings, period: runPeriod, startedAt: .now, generatedAt: try GenerationTime.current(),
            retryPolicy: retryPolicy,
            tool: "sms-report \(SMSReportCommand.configuration.version)", templatesFolder: templates)
        for warning in settings.insecureTransportWarnings {
            logger.warning("\(warning)")
        }
        let plans = try planner.plans()
        let deliverer = try makeDeliverer(settings, logger: logger)
        // A run always keeps history (contract §9): --store, else the config's store.
        let store = try await history.open(config: settings)
        let job = RunJob(plans: plans, parallelAccounts: settings.parallelAccounts, deliverer: deliverer,
                         keepSnapshots: settings.keepSnapshots, accountTimeout: settings.accountTimeout, logger: logger,
                         store: store, failsOnAlert: failOnAlert, resumes: resume)
        let records = await job.run()
        await store?.close()
        for record in records {
            print(record.summaryLine)
        }
        let status = ExitStatus.worst(of: records.map(\.exitStatus))
        if status != .success {
            throw ExitCode(status)
        }
    }

    /// The accounts to run: `--account`'s, narrowed to the shard's with `--shard`
    /// (logged as `shard K/N: A of B accounts`). Empty selects every account without
    /// `--shard`, and none with it.
    private func shardSelection(logger: Logger) throws -> [String] {
        guard let shard else { return accounts }
        let shardSpec = try RunShard.parse(shard, environment: ProcessInfo.processInfo.environment)
        let names = try RunConfig.load(path: config, accounts: accounts, requirements: .none).accounts.map(\.name)
        let owned = names.filter(shardSpec.owns)
        logger.info("shard \(shardSpec): \(owned.count) of \(names.count) accounts\(owned.isEmpty ? "" : ": " + owned.joined(separator: ", "))")
        return owned
    }

    private func makeDeliverer(_ settings: RunConfig, logger: Logger) throws -> any ReportDeliverer {
        if noEmail {
            return NoDelivery()
        }
        let templateSet = try templates.map { folder throws(ReportError) in try ReportTemplates.load(folder: folder) }
            ?? ReportTemplates.bundled()
        try templateSet.require([ReportSubject.template])
        let retry = RetryPolicy(retries: emailRetries, baseDelay: .milliseconds(emailRetryDelayMs), maximumDelay: .seconds(60))
        return EmailReportDeliverer(config: settings, dryRunFolder: emailDryRun, retry: retry, templates: templateSet,
                                    logger: logger)
    }

    private func makeLogger() -> Logger {
        let format = logFormat
        var logger = Logger(label: "sms-report.run") { label in
            switch format {
            case .text: StreamLogHandler.standardError(label: label)
            case .json: JSONLinesLogHandler.standardError(label: label)
            }
        }
        logger.logLevel = verbose ? .debug : output.quiet ? .warning : .info
        return logger
    }
}
