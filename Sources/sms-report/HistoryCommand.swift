import ArgumentParser
import Foundation
import SMSConfig
import SMSCore
import SMSHistory
import SMSRender
import SMSRun
import SMSStore
import SMSSupport

/// `sms-report history`: trend tables from the history store alone (contract §9).
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Write trend tables (history.csv, history.xlsx, history.html) of an account from the history store.",
        discussion: """
            Each row is a bucket (a day, an ISO week YYYY-Www, or a month YYYY-MM) and, with --group, \
            a group in it, with the report's group columns, complete_days and stored_days. \
            Percentiles come from the stored sketches (latency_quantiles = approx-1%); counts, \
            means and maxima are exact. Without --from/--to it covers every stored day.

            Examples:
              sms-report history --store out/history.sqlite --account acme --out out/trend
              sms-report history --config config.yaml --account acme --from 2025-11-01 --to 2025-11-30 --by week --group operator --out out/trend

            Exits 3 when a day of the range is missing from the store (the files are written and \
            list the missing days), 2 when the store has no day of the account.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("The YAML config whose store (key `store`) to read.", valueName: "file"))
    var config: String?

    @Option(help: ArgumentHelp("The account.", valueName: "name"))
    var account: String

    @Option(help: ArgumentHelp("First local day, YYYY-MM-DD (default: the first stored day).", valueName: "day"))
    var from: String?

    @Option(help: ArgumentHelp("Last local day, YYYY-MM-DD (default: the last stored day).", valueName: "day"))
    var to: String?

    @Option(help: ArgumentHelp("The bucket of each row.", valueName: "day|week|month"))
    var by = HistoryBucket.day.rawValue

    @Option(help: ArgumentHelp("Split each bucket by this group.", valueName: "operator|prefix|batch|status"))
    var group: String?

    @Option(help: ArgumentHelp("Comma-separated formats to write.", valueName: "csv,xlsx,html"))
    var format = ReportFormat.available.map(\.rawValue).joined(separator: ",")

    @Option(help: ArgumentHelp("The folder to write the files to (created when missing).", valueName: "folder"))
    var out: String

    @Flag(help: "Write CSV text cells without the formula guard (a leading ').")
    var csvRaw = false

    @OptionGroup var output: QuietOption

    func run() async throws {
        let query = try makeQuery()
        let formats = try CommandLineValues.formats(format)
        let generatedAt = try GenerationTime.current()
        let settings = try config.map { try RunConfig.load(path: $0, requirements: .none) }
        guard let history = try await store.open(config: settings) else {
            throw ReportError.invalidOption(option: "--store", reason: "name the store: --store STORE or --config FILE")
        }
        let progress = output.progress
        progress.update(stage: "reading the store", done: 0, total: 0, unit: "days")
        let (result, zoneName) = try await closing(history) { store in
            (try await HistoryReader(store: store).history(query), try await store.timeZone(account: query.account))
        }
        progress.finish(stage: "reading the store")
        guard result.storedDays > 0 else {
            throw ReportError.invalidOption(option: "--account", reason: "the store has no day of account \(query.account)\(rangeText)")
        }
        let timeZone = zoneName.flatMap(ReportTimeZone.init(identifier:)) ?? .kathmandu
        let document = HistoryDocument(
            account: query.account, table: result.table, bucketing: query.bucket.rawValue,
            groupColumn: query.group?.columnName, from: result.coveredDays?.lowerBound, to: result.coveredDays?.upperBound,
            missingDays: result.missingDays, prunedDays: result.prunedDays, storedDays: result.storedDays,
            completeDays: result.completeDays, timeZone: timeZone, generatedAt: generatedAt)
        try ReportJob.createFolder(out)
        let files = try await HistoryRenderer(formats: formats, csvGuardsFormulas: !csvRaw)
            .render(document, into: out, progress: progress)
        if !output.quiet {
            print("wrote \(files.count) files for \(result.storedDays) stored days (\(result.completeDays) complete) "
                  + "of \(query.account) to \(out)")
        }
        if !result.prunedDays.isEmpty {
            warn("\(result.prunedDays.count) days have only their totals (pruned): \(HistoryDocument.list(result.prunedDays))")
        }
        if !result.missingDays.isEmpty {
            warn("INCOMPLETE history: \(result.missingDays.count) days are not in the store: \(HistoryDocument.list(result.missingDays))")
            throw ExitCode(ExitStatus.incompleteData)
        }
    }

    private var rangeText: String {
        switch (from, to) {
        case let (from?, to?): " from \(from) to \(to)"
        case let (from?, nil): " from \(from)"
        case let (nil, to?): " up to \(to)"
        case (nil, nil): ""
        }
    }

    private func makeQuery() throws -> HistoryQuery {
        let account = try CommandLineValues.accountName(account)
        let fromDay = try from.map { try PeriodArguments.day($0, option: "--from") }
        let toDay = try to.map { try PeriodArguments.day($0, option: "--to") }
        if let fromDay, let toDay, fromDay > toDay {
            throw ReportError.invalidOption(option: "--from", reason: "\(fromDay) is after --to \(toDay)")
        }
        guard let bucket = HistoryBucket(rawValue: by) else {
            throw ReportError.invalidOption(option: "--by", reason: "\"\(by)\" is not day, week or month")
        }
        let grouping = try group.map { name in
            guard let grouping = HistoryGroup(rawValue: name) else {
                throw ReportError.invalidOption(option: "--group", reason: "\"\(name)\" is not operator, prefix, batch or status")
            }
            return grouping
        }
        return HistoryQuery(account: account, from: fromDay, to: toDay, bucket: bucket, group: grouping)
    }

    private func warn(_ line: String) {
        FileHandle.standardError.write(Data("warning: \(line)\n".utf8))
    }
}
