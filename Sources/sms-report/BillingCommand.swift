import ArgumentParser
import Foundation
import SMSBilling
import SMSConfig
import SMSCore
import SMSFetch
import SMSHistory
import SMSRun
import SMSStore
import SMSSupport

/// `sms-report billing`: a client billing export for one month of a snapshot.
struct BillingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "billing",
        abstract: "Write a month's billing export (billing.csv and billing.xlsx) from a snapshot or a config's account.",
        discussion: """
            Segments are counted per delivery (GSM-7: 160, then 153 per part; UCS-2: 70, then 67) \
            and priced per operator with the rate card; each line's amount is rounded half to even \
            to 2 decimals and the total is the sum of the rounded lines.

            With --config FILE --account NAME the rate card, timezone, status map and operators \
            are the config's; without --snapshot the month is fetched first (the account's token \
            from its token_env), into <output_dir>/<account>/snapshots/ as `run` does.

            With --store STORE and no --snapshot the month is billed from the history store's \
            rollups alone (contract §9): byte for byte the billing of the month's snapshot when every \
            day is stored complete, else written all the same with exit 3 naming the days that are \
            not. With --snapshot and --store the month's days are also kept in the store.

            Examples:
              sms-report billing --snapshot samples/rich --month 2025-11 --rate-card samples/rate-card.yaml --account acme --out out/billing
              sms-report billing --config config.yaml --account acme --month 2025-11 --out out/billing
              sms-report billing --store reports/history.sqlite --account acme --month 2025-11 --rate-card samples/rate-card.yaml --out out/billing

            Exits 2 without a rate card, or when an operator with deliveries has no price and the \
            card has no default; 3 when the snapshot is incomplete (the files are written all the same); \
            5 when the API refuses the token of a fetch.
            """
    )

    @Option(help: ArgumentHelp("The snapshot folder that `fetch` wrote; without it, --config fetches the month.",
                               valueName: "folder"))
    var snapshot: String?

    @Option(help: ArgumentHelp("The YAML config: the account's rate card, timezone and API (with --account).",
                               valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("The month billed, YYYY-MM, in the report timezone.", valueName: "month"))
    var month: String

    @Option(help: ArgumentHelp("The rate card: a YAML file with currency, default, operators and billable_statuses.",
                               valueName: "file"))
    var rateCard: String?

    @Option(help: ArgumentHelp("The account billed: the export's name for it (default: default), or the config's account (default: its only one).",
                               valueName: "name"))
    var account: String?

    @Option(help: ArgumentHelp("IANA timezone whose local days put deliveries in months (default: the config's, else Asia/Kathmandu).",
                               valueName: "tz"))
    var timezone: String?

    /// How requests are retried when the month is fetched, as in `fetch`.
    @OptionGroup var retry: APIRetryOptions

    @Option(help: ArgumentHelp("The folder to write billing.csv and billing.xlsx to (created when missing).",
                               valueName: "folder"))
    var out: String

    @Flag(help: "Write CSV text cells without the formula guard (a leading ').")
    var csvRaw = false

    @OptionGroup var history: StoreOptions

    @OptionGroup var output: QuietOption

    func run() async throws {
        let startedAt = Instant.now
        if snapshot == nil, history.isGiven {
            return try await billFromStore()
        }
        let request = try await makeRequest()
        let store = try await history.open()
        let progress = output.progress
        let outcome: BillingOutcome
        do {
            outcome = try await BillingJob.run(request, keepsHistory: store != nil, progress: progress)
            if let store, let writes = outcome.history {
                let run = StoredRun(command: "billing", account: request.account, periodFrom: request.month.firstDay,
                                    periodTo: request.month.lastDay, startedAt: startedAt,
                                    exitCode: (outcome.isComplete ? ExitStatus.success : .incompleteData).rawValue,
                                    isComplete: outcome.isComplete, deliveries: outcome.statement.invoices.first?.deliveries ?? 0,
                                    files: outcome.files, outputFolder: out, snapshot: request.snapshotFolder)
                try await HistoryWriter.write(writes, run: run, to: store, progress: progress)
            }
        } catch {
            await store?.close()
            throw error
        }
        await store?.close()
        try finish(outcome)
    }

    /// `billing --store` without a snapshot: the month from the store's rollups.
    private func billFromStore() async throws {
        let generatedAt = try GenerationTime.current()
        guard let billedMonth = LocalMonth(iso: month) else {
            throw ReportError.invalidOption(option: "--month", reason: "\"\(month)\" is not a month in YYYY-MM form")
        }
        let settings = try config.map { try RunConfig.load(path: $0, accounts: account.map { [$0] } ?? [], requirements: .none) }
        let billed: (account: String, card: RateCard, timeZone: ReportTimeZone)
        if let settings {
            guard settings.accounts.count == 1 else {
                throw ReportError.invalidOption(option: "--account", reason: "name the account to bill: one of "
                                                + settings.allAccountNames.joined(separator: ", "))
            }
            let configured = ConfiguredBilling(config: settings, month: billedMonth)
            billed = (settings.accounts[0].name, try configured.rateCard(replacedBy: rateCard.map(RateCardOption.load)),
                      try timezone.map { try CommandLineValues.timeZone($0) } ?? settings.timeZone)
        } else {
            guard let rateCard else {
                throw ReportError.invalidOption(option: "--rate-card", reason: "billing needs a rate card (--rate-card FILE, or --config FILE)")
            }
            billed = (try CommandLineValues.accountName(account ?? BillingOptions.defaultAccount),
                      try RateCardOption.load(rateCard), try timezone.map { try CommandLineValues.timeZone($0) } ?? .kathmandu)
        }
        guard let store = try await history.open(config: settings) else { return }
        let outcome = try await closing(store) { store in
            try await StoredBillingJob.run(
                month: billedMonth, billing: BillingOptions(account: billed.account, rateCard: billed.card, months: [billedMonth]),
                timeZone: billed.timeZone, generatedAt: generatedAt, outputFolder: out, csvGuardsFormulas: !csvRaw,
                store: store, progress: output.progress)
        }
        try finish(outcome)
    }

    /// Prints the warnings and the summary line; exit 3 when the data is incomplete.
    private func finish(_ outcome: BillingOutcome) throws {
        for line in outcome.statement.notices {
            FileHandle.standardError.write(Data("warning: \(line)\n".utf8))
        }
        if !output.quiet, let invoice = outcome.statement.invoices.first {
            print("billed \(invoice.billableSegments) segments of \(invoice.deliveries) deliveries for \(invoice.account) "
                  + "in \(invoice.month): \(Money.text(invoice.amount)) \(invoice.currency); wrote \(outcome.files.count) files to \(out)")
        }
        if !outcome.isComplete {
            throw CommandLineValues.endIncomplete(reasons: outcome.incompleteReasons)
        }
    }

    private func makeRequest() async throws -> BillingRequest {
        // Options and the environment are checked before anything is read or fetched.
        let retryPolicy = try retry.policy()
        let generatedAt = try GenerationTime.current()
        guard let billedMonth = LocalMonth(iso: month) else {
            throw ReportError.invalidOption(option: "--month", reason: "\"\(month)\" is not a month in YYYY-MM form")
        }
        let timeZone = try timezone.map { name throws(ReportError) in try CommandLineValues.timeZone(name) }
        guard let config else {
            guard let snapshot else {
                throw ReportError.invalidOption(option: "--snapshot", reason: "name a snapshot, or --config FILE --account NAME to fetch the month")
            }
            guard let rateCard else {
                throw ReportError.invalidOption(option: "--rate-card", reason: "billing needs a rate card (--rate-card FILE, or --config FILE)")
            }
            return BillingRequest(
                snapshotFolder: snapshot, outputFolder: out, month: billedMonth,
                account: account ?? BillingOptions.defaultAccount, rateCard: try RateCardOption.load(rateCard),
                timeZone: timeZone ?? .kathmandu, generatedAt: generatedAt, csvGuardsFormulas: !csvRaw)
        }
        let needs: ConfigRequirements = snapshot == nil ? .apiTokens : .none
        let settings = try RunConfig.load(path: config, accounts: account.map { [$0] } ?? [], requirements: needs)
        guard settings.accounts.count == 1 else {
            throw ReportError.invalidOption(option: "--account", reason: "name the account to bill: one of "
                                            + settings.allAccountNames.joined(separator: ", "))
        }
        let billing = ConfiguredBilling(config: settings, month: billedMonth)
        let card = try billing.rateCard(replacedBy: rateCard.map(RateCardOption.load))
        let folder: String
        if let snapshot {
            folder = snapshot
        } else {
            folder = try await fetchMonth(billing, retryPolicy: retryPolicy)
        }
        return billing.request(snapshotFolder: folder, outputFolder: out, rateCard: card, timeZone: timeZone,
                               generatedAt: generatedAt, csvGuardsFormulas: !csvRaw)
    }

    /// Fetches the month for the config's account; returns the snapshot folder.
    private func fetchMonth(_ billing: ConfiguredBilling, retryPolicy: RetryPolicy) async throws -> String {
        guard let fetch = billing.fetchRequest(
            startedAt: .now, retryPolicy: retryPolicy,
            tool: "sms-report \(SMSReportCommand.configuration.version)") else {
            throw ReportError.invalidOption(option: "--account", reason: "the account's token was not read")
        }
        let progress = output.progress
        let outcome = try await SnapshotFetcher(request: fetch).run(progress: progress)
        if !output.quiet {
            print("fetched \(billing.month) into \(outcome.snapshotFolder)")
        }
        return outcome.snapshotFolder
    }
}
