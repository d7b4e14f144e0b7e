import ArgumentParser
import Foundation
import SMSBilling
import SMSConfig
import SMSCore
import SMSIngest
import SMSRender
import SMSHistory
import SMSRun
import SMSStore
import SMSSupport

/// `sms-report report`: aggregates a snapshot folder and writes the reports.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Aggregate a snapshot folder and write the reports.",
        discussion: """
            Example:
              sms-report report --snapshot samples/rich --out out/rich --from 2025-11-01 --to 2025-11-04

            With --rate-card FILE the reports also carry the billing table (billing.csv, and the \
            billing and invoice sheets of report.xlsx) for every month of the period:
              sms-report report --snapshot samples/rich --out out/rich --rate-card samples/rate-card.yaml --account acme

            With --store STORE the report also keeps its whole days in the history store \
            (contract §9) for `history`, `billing --store` and trends; --account names the account. \
            The report then also shows each KPI's change against earlier periods and the alerts \
            raised against the stored baseline (alerts.csv; contract §10), with the default thresholds:
              sms-report report --snapshot samples/rich --out out/rich --store out/history.sqlite --account acme

            Exits 3 when the snapshot is incomplete; the reports are written all the same and say so \
            (with --store, only the run is recorded: no day is replaced by incomplete data). \
            With --fail-on-alert, exits 7 when an alert was raised (3 outranks it).
            """
    )

    @Option(help: ArgumentHelp("The snapshot folder that `fetch` wrote.", valueName: "folder"))
    var snapshot: String

    @Option(help: ArgumentHelp("The folder to write the reports to (created when missing).", valueName: "folder"))
    var out: String

    @Option(help: ArgumentHelp("First local day included, YYYY-MM-DD.", valueName: "day"))
    var from: String?

    @Option(help: ArgumentHelp("Last local day included, YYYY-MM-DD.", valueName: "day"))
    var to: String?

    @Option(help: ArgumentHelp("IANA timezone of days and timestamps.", valueName: "tz"))
    var timezone = "Asia/Kathmandu"

    @Option(name: .customLong("batch"),
            help: ArgumentHelp("Only this batch id; repeat for several. '(no batch)' selects deliveries without one.", valueName: "id"))
    var batches: [String] = []

    @Option(help: ArgumentHelp("Comma-separated formats to write.", valueName: "csv,xlsx,html"))
    var format = ReportFormat.available.map(\.rawValue).joined(separator: ",")

    @Option(help: ArgumentHelp("Folder of Mustache templates replacing the bundled ones (report.html, report.txt and their partials).",
                               valueName: "folder"))
    var templates: String?

    @Flag(help: "Write CSV text cells without the formula guard (a leading ').")
    var csvRaw = false

    @Flag(help: "Start each CSV file with a UTF-8 byte order mark, so that Excel reads it as UTF-8 (default: none on disk).")
    var csvBom = false

    @Option(help: ArgumentHelp("JSON file of raw status → canonical status, extending the default map.", valueName: "file"))
    var statusMap: String?

    @Option(help: ArgumentHelp("JSON file of operator → three-digit prefixes, replacing the default table.", valueName: "file"))
    var operators: String?

    @Option(help: ArgumentHelp("A rate card (YAML): also write the billing table, priced per segment.", valueName: "file"))
    var rateCard: String?

    @Option(help: ArgumentHelp("The account the billing table and the history store name (with --rate-card or --store).",
                               valueName: "name"))
    var account = BillingOptions.defaultAccount

    @OptionGroup var history: StoreOptions

    @Flag(help: "With --store: exit with 7 when an alert was raised, after every file is written.")
    var failOnAlert = false

    @OptionGroup var output: QuietOption

    @Flag(name: .shortAndLong, help: "Also print how long each stage took.")
    var verbose = false

    func run() async throws {
        let startedAt = Instant.now
        var request = try makeRequest()
        // The store is opened (and migrated) first, so that a bad store writes nothing.
        let store = try await history.open()
        request.trendsStore = store
        let terminal = output.progress
        let progress: any ProgressSink = verbose ? StageTimer(passingTo: terminal) : terminal
        let outcome: ReportOutcome
        do {
            outcome = try await ReportJob.run(request, progress: progress)
        } catch {
            await store?.close()
            throw error
        }
        for line in outcome.billing?.notices ?? [] {
            FileHandle.standardError.write(Data("warning: \(line)\n".utf8))
        }
        for alert in outcome.alerts {
            FileHandle.standardError.write(Data("ALERT: \(alert.message)\n".utf8))
        }
        if let trendsError = outcome.trendsError {
            await store?.close()
            throw trendsError
        }
        if !output.quiet {
            print("wrote \(outcome.files.count) files for \(outcome.deliveries) deliveries to \(out)")
        }
        if let store {
            try await keep(outcome, startedAt: startedAt, in: store, progress: progress)
        }
        if !outcome.isComplete {
            throw CommandLineValues.endIncomplete(reasons: outcome.incompleteReasons)
        }
        if failOnAlert, !outcome.alerts.isEmpty {
            throw ExitCode(ExitStatus.alertRaised)
        }
    }

    /// Writes the report's days and its runs row to the store, then closes it.
    private func keep(_ outcome: ReportOutcome, startedAt: Instant, in store: any HistoryStore,
                      progress: any ProgressSink) async throws {
        guard let writes = outcome.history else {
            await store.close()
            return
        }
        var status: ExitStatus = outcome.isComplete ? .success : .incompleteData
        if failOnAlert, !outcome.alerts.isEmpty {
            status = status.worse(.alertRaised)
        }
        let run = StoredRun(command: "report", account: account, periodFrom: outcome.summary.periodFrom,
                            periodTo: outcome.summary.periodTo, startedAt: startedAt, exitCode: status.rawValue,
                            isComplete: outcome.isComplete, deliveries: outcome.deliveries, files: outcome.files,
                            outputFolder: out, snapshot: snapshot, alerts: outcome.alerts.count)
        let period = run.period
        let alerts = outcome.alerts.map { StoredAlert($0, account: account, period: period, raisedAt: startedAt) }
        progress.update(stage: "storing history", done: 0, total: writes.days.count, unit: "days")
        try await closing(store) { store throws in
            try await HistoryWriter.write(writes, run: run, to: store, progress: progress)
            try await store.recordAlerts(alerts)
        }
        progress.finish(stage: "storing history")
        if !output.quiet {
            print("stored \(writes.days.count) days of \(account) in \(history.store ?? "the store")")
        }
    }

    private func makeRequest() throws -> ReportRequest {
        let timeZone = try CommandLineValues.timeZone(timezone)
        let fromDay = try from.map { try PeriodArguments.day($0, option: "--from") }
        let toDay = try to.map { try PeriodArguments.day($0, option: "--to") }
        if let fromDay, let toDay, fromDay > toDay {
            throw ReportError.invalidOption(option: "--from", reason: "\(fromDay) is after --to \(toDay)")
        }
        let formats = try CommandLineValues.formats(format)
        if history.isGiven, !batches.isEmpty {
            throw ReportError.invalidOption(option: "--store", reason: "the store keeps whole days; it cannot be combined with --batch")
        }
        let options = ReportOptions(timeZone: timeZone, from: fromDay, to: toDay, batchIDs: Set(batches),
                                    generatedAt: try GenerationTime.current())
        var request = ReportRequest(
            snapshotFolder: snapshot, outputFolder: out, options: options, formats: formats,
            csvGuardsFormulas: !csvRaw,
            statusMap: try statusMap.map { try OverrideFiles.statusMap(at: $0) } ?? .standard,
            operators: try operators.map { try OverrideFiles.operatorTable(at: $0) } ?? .standard,
            templatesFolder: templates,
            billing: try rateCard.map { path in
                try Self.checkInvoiceMonths(from: fromDay, to: toDay)
                return BillingOptions(account: account, rateCard: try RateCardOption.load(path),
                                      months: BillingOptions.months(from: fromDay, to: toDay))
            },
            historyAccount: history.isGiven ? try CommandLineValues.accountName(account) : nil)
        request.csvByteOrderMark = csvBom
        return request
    }

    /// Most months (50 years) a period may span with `--rate-card`: each gets an invoice
    /// sheet, and the workbook keeps a temporary file open per sheet, so this stays
    /// under the usual limit of 1,024 open files; years 0000–9999 would ask for 120,000.
    static let invoiceMonthLimit = 600

    private static func checkInvoiceMonths(from: LocalDay?, to: LocalDay?) throws(ReportError) {
        guard let from, let to else { return }
        let (first, last) = (LocalMonth(containing: from), LocalMonth(containing: to))
        let months = (last.year - first.year) * 12 + last.month - first.month + 1
        guard months <= invoiceMonthLimit else {
            throw .invalidOption(option: "--rate-card",
                                 reason: "the period spans \(months) months; with a rate card it may span at most \(invoiceMonthLimit) (an invoice each)")
        }
    }
}
