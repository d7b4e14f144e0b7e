import ArgumentParser
import Foundation
import SMSBilling
import SMSConfig
import SMSCore
import SMSIngest
import SMSRender
import SMSRun
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

            Exits 3 when the snapshot is incomplete; the reports are written all the same and say so.
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

    @Option(help: ArgumentHelp("JSON file of raw status → canonical status, extending the default map.", valueName: "file"))
    var statusMap: String?

    @Option(help: ArgumentHelp("JSON file of operator → three-digit prefixes, replacing the default table.", valueName: "file"))
    var operators: String?

    @Option(help: ArgumentHelp("A rate card (YAML): also write the billing table, priced per segment.", valueName: "file"))
    var rateCard: String?

    @Option(help: ArgumentHelp("The account the billing table names (with --rate-card).", valueName: "name"))
    var account = BillingOptions.defaultAccount

    @OptionGroup var output: QuietOption

    @Flag(name: .shortAndLong, help: "Also print how long each stage took.")
    var verbose = false

    func run() async throws {
        let request = try makeRequest()
        let terminal = output.progress
        let progress: any ProgressSink = verbose ? StageTimer(passingTo: terminal) : terminal
        let outcome = try await ReportJob.run(request, progress: progress)
        for line in outcome.billing?.notices ?? [] {
            FileHandle.standardError.write(Data("warning: \(line)\n".utf8))
        }
        if !output.quiet {
            print("wrote \(outcome.files.count) files for \(outcome.deliveries) deliveries to \(out)")
        }
        if !outcome.isComplete {
            throw CommandLineValues.endIncomplete(reasons: outcome.incompleteReasons)
        }
    }

    private func makeRequest() throws -> ReportRequest {
        let timeZone = try CommandLineValues.timeZone(timezone)
        let fromDay = try from.map { try PeriodArguments.day($0, option: "--from") }
        let toDay = try to.map { try PeriodArguments.day($0, option: "--to") }
        if let fromDay, let toDay, fromDay > toDay {
            throw ReportError.invalidOption(option: "--from", reason: "\(fromDay) is after --to \(toDay)")
        }
        let formats = try format.split(separator: ",").map { name in
            guard let format = ReportFormat(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw ReportError.invalidOption(option: "--format", reason: "unknown format \"\(name)\" (use csv, xlsx or html)")
            }
            return format
        }
        guard !formats.isEmpty else {
            throw ReportError.invalidOption(option: "--format", reason: "name at least one format")
        }
        let options = ReportOptions(timeZone: timeZone, from: fromDay, to: toDay, batchIDs: Set(batches),
                                    generatedAt: try GenerationTime.current())
        return ReportRequest(
            snapshotFolder: snapshot, outputFolder: out, options: options, formats: formats,
            csvGuardsFormulas: !csvRaw,
            statusMap: try statusMap.map { try OverrideFiles.statusMap(at: $0) } ?? .standard,
            operators: try operators.map { try OverrideFiles.operatorTable(at: $0) } ?? .standard,
            templatesFolder: templates,
            billing: try rateCard.map { path in
                try Self.checkInvoiceMonths(from: fromDay, to: toDay)
                return BillingOptions(account: account, rateCard: try RateCardOption.load(path),
                                      months: BillingOptions.months(from: fromDay, to: toDay))
            })
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
