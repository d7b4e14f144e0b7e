import ArgumentParser
import Foundation
import SMSReport

/// `sms-report billing`: a client billing export for one month of a snapshot.
struct BillingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "billing",
        abstract: "Write a month's billing export (billing.csv and billing.xlsx) from a snapshot.",
        discussion: """
            Segments are counted per delivery (GSM-7: 160, then 153 per part; UCS-2: 70, then 67) \
            and priced per operator with the rate card; each line's amount is rounded half to even \
            to 2 decimals and the total is the sum of the rounded lines.

            Example:
              sms-report billing --snapshot samples/rich --month 2025-11 --rate-card samples/rate-card.yaml --account acme --out out/billing

            Exits 2 without a rate card, or when an operator with deliveries has no price and the \
            card has no default; 3 when the snapshot is incomplete (the files are written all the same).
            """
    )

    @Option(help: ArgumentHelp("The snapshot folder that `fetch` wrote.", valueName: "folder"))
    var snapshot: String

    @Option(help: ArgumentHelp("The month billed, YYYY-MM, in the report timezone.", valueName: "month"))
    var month: String

    @Option(help: ArgumentHelp("The rate card: a YAML file with currency, default, operators and billable_statuses.",
                               valueName: "file"))
    var rateCard: String?

    @Option(help: ArgumentHelp("The account billed, as the export names it.", valueName: "name"))
    var account = BillingOptions.defaultAccount

    @Option(help: ArgumentHelp("IANA timezone whose local days put deliveries in months.", valueName: "tz"))
    var timezone = "Asia/Kathmandu"

    @Option(help: ArgumentHelp("The folder to write billing.csv and billing.xlsx to (created when missing).",
                               valueName: "folder"))
    var out: String

    @Flag(help: "Write CSV text cells without the formula guard (a leading ').")
    var csvRaw = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors and warnings.")
    var quiet = false

    func run() async throws {
        let request = try makeRequest()
        let progress: any ProgressSink = !quiet && TerminalProgress.isStandardErrorATerminal ? TerminalProgress() : SilentProgress()
        let outcome = try await BillingJob.run(request, progress: progress)
        for line in outcome.statement.notices {
            FileHandle.standardError.write(Data("warning: \(line)\n".utf8))
        }
        if !quiet, let invoice = outcome.statement.invoices.first {
            print("billed \(invoice.billableSegments) segments of \(invoice.deliveries) deliveries for \(invoice.account) "
                  + "in \(invoice.month): \(Money.text(invoice.amount)) \(invoice.currency); wrote \(outcome.files.count) files to \(out)")
        }
        if !outcome.isComplete {
            let reasons = outcome.incompleteReasons.isEmpty ? "" : ": " + outcome.incompleteReasons.joined(separator: "; ")
            FileHandle.standardError.write(Data("warning: INCOMPLETE data\(reasons)\n".utf8))
            throw ExitCode(3)
        }
    }

    private func makeRequest() throws -> BillingRequest {
        guard let rateCard else {
            throw ReportError.invalidOption(option: "--rate-card", reason: "billing needs a rate card (--rate-card FILE)")
        }
        guard let billedMonth = LocalMonth(iso: month) else {
            throw ReportError.invalidOption(option: "--month", reason: "\"\(month)\" is not a month in YYYY-MM form")
        }
        guard let timeZone = ReportTimeZone(identifier: timezone) else {
            throw ReportError.invalidOption(option: "--timezone", reason: "unknown IANA timezone \"\(timezone)\"")
        }
        return BillingRequest(
            snapshotFolder: snapshot, outputFolder: out, month: billedMonth,
            account: account, rateCard: try RateCardOption.load(rateCard),
            timeZone: timeZone, generatedAt: try GenerationTime.current(), csvGuardsFormulas: !csvRaw)
    }
}
