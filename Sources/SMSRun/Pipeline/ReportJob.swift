import Foundation
import SMSAggregate
import SMSBilling
import SMSCore
import SMSHistory
import SMSIngest
import SMSRender
import SMSSupport

/// The `report` pipeline: snapshot → deliveries → tables → files.
package enum ReportJob {
    /// Reads the snapshot, aggregates it and writes the requested formats.
    package static func run(_ request: ReportRequest,
                           progress: any ProgressSink = SilentProgress()) async throws(ReportError) -> ReportOutcome {
        if let unavailable = request.formats.first(where: { !ReportFormat.available.contains($0) }) {
            throw .invalidOption(option: "--format", reason: "\(unavailable.rawValue) is not available in this version (available: \(ReportFormat.available.map(\.rawValue).joined(separator: ",")))")
        }
        // Templates are checked before the snapshot is read, so a bad folder writes nothing.
        let summaryPage = try request.formats.contains(.html) ? summaryPageRenderer(request.templatesFolder) : nil
        let reader = SnapshotReader(statusMap: request.statusMap, operators: request.operators)
        progress.update(stage: "reading snapshot", done: 0, total: 0, unit: "files")
        let snapshot = try await reader.read(folder: request.snapshotFolder, progress: progress)
        progress.finish(stage: "reading snapshot")

        progress.update(stage: "aggregating", done: 0, total: snapshot.normalized.deliveries.count, unit: "deliveries")
        let selected = Aggregator.select(snapshot, options: request.options, billableBy: request.billing?.rateCard)
        let options = request.options
        // Priced before any file is written, so that a missing rate leaves nothing behind.
        var billing: BillingStatement?
        if let billingOptions = request.billing {
            billing = try Aggregator.billing(for: snapshot, options: options, selected: selected, billing: billingOptions)
        }
        let statement = billing
        let history = try historyTask(snapshot: snapshot, selected: selected, request: request)
        let grouping = Task {
            var tables = Aggregator.tables(for: snapshot, options: options, selected: selected,
                                           worstBatchMinimum: request.alertThresholds.worstBatchMinimumDeliveries)
            tables.billing = statement
            let trendsError = await addTrends(to: &tables, request: request)
            return GroupedReport(tables: tables, trendsError: trendsError)
        }
        try createFolder(request.outputFolder)
        // Every file is written into a staging folder inside the output folder and moved
        // into place only when all are written: a failed report changes no file.
        LeftoverCleanup.clean(request.outputFolder)
        let staging = try StagingFolder.forFiles(in: request.outputFolder)
        let workbook = request.formats.contains(.xlsx)
            ? startWorkbook(selected, timeZone: options.timeZone, tables: { await grouping.value.tables }, request: request,
                            into: staging.path, progress: progress)
            : nil
        let csvRenderer = CSVRenderer(guardsFormulas: request.csvGuardsFormulas, writesByteOrderMark: request.csvByteOrderMark)
        let deliveriesCSV = request.formats.contains(.csv)
            ? startDeliveriesCSV(selected.table, renderer: csvRenderer, timeZone: options.timeZone, into: staging.path,
                                 progress: progress)
            : nil
        // The workbook, the deliveries CSV and the grouping run in tasks of their own: a
        // cancelled report (a stop signal, the account's deadline) cancels them too.
        let grouped = await withTaskCancellationHandler {
            await grouping.value
        } onCancel: {
            grouping.cancel()
            workbook?.cancel()
            deliveriesCSV?.cancel()
        }
        let tables = grouped.tables
        progress.finish(stage: "aggregating")

        var files: [String] = []
        do throws(ReportError) {
            do throws(ReportError) {
                if let deliveriesCSV {
                    progress.update(stage: "writing csv", done: 0, total: tables.all.count, unit: "tables")
                    files += try await csvRenderer.render(tables, into: staging.path, alreadyWritten: [selected.table.name],
                                                          progress: progress)
                    try await withTaskCancellationHandler { await deliveriesCSV.value } onCancel: { deliveriesCSV.cancel() }.get()
                    progress.finish(stage: "writing csv")
                }
            } catch {
                _ = await deliveriesCSV?.value
                _ = await workbook?.value
                throw error
            }
            if let workbook {
                files.append(try await withTaskCancellationHandler { await workbook.value } onCancel: { workbook.cancel() }.get())
                progress.finish(stage: "writing xlsx")
            }
            if let summaryPage {
                progress.update(stage: "writing html", done: 0, total: 2, unit: "files")
                let source = ReportSource(account: request.account, baseURL: tables.sourceBaseURL, snapshotName: snapshotName(request.snapshotFolder))
                files += try summaryPage.write(tables, source: source, into: staging.path)
                progress.finish(stage: "writing html")
            }
            guard !Task.isCancelled else {
                throw ReportError.outputFailed(path: request.outputFolder, reason: "stopped before the report was complete; no file was changed")
            }
            files = try staging.publish(files: files)
        } catch {
            staging.abandon()
            throw error
        }
        return ReportOutcome(files: files, deliveries: tables.deliveries.rowCount,
                             isComplete: tables.isComplete, incompleteReasons: tables.incompleteReasons,
                             summary: tables.figures, billing: tables.billing, history: await history?.value,
                             trends: tables.trends, trendsError: grouped.trendsError)
    }

    /// The tables and what went wrong reading their trends.
    private struct GroupedReport: Sendable {
        var tables: ReportTables
        var trendsError: HistoryError?
    }

    /// With ``ReportRequest/trendsStore``, reads the changes, alerts and sparklines of
    /// `tables` from the store. A store that cannot be read leaves the report with a
    /// note saying so instead, and the error is returned.
    private static func addTrends(to tables: inout ReportTables, request: ReportRequest) async -> HistoryError? {
        guard let store = request.trendsStore, let account = request.historyAccount else { return nil }
        let reader = ReportTrendsReader(store: store)
        do {
            tables.trends = try await reader.trends(of: tables, account: account, thresholds: request.alertThresholds)
            return nil
        } catch {
            tables.trends = ReportTrendsReader.unavailable(ReportPeriodFigures(tables), reason: error.description)
            return error
        }
    }

    /// With ``ReportRequest/historyAccount``, starts making the store's days and rollups
    /// beside the rendering. Its period is checked first, before any file is written.
    private static func historyTask(snapshot: LoadedSnapshot, selected: SelectedDeliveries,
                                    request: ReportRequest) throws(ReportError) -> Task<HistoryWrites, Never>? {
        guard let account = request.historyAccount else { return nil }
        let plan = try HistoryWrites.plan(snapshot: snapshot, selection: selected.selection, options: request.options)
        let name = snapshotName(request.snapshotFolder)
        return Task {
            HistoryWrites.make(snapshot: snapshot, plan: plan, options: request.options, account: account, snapshotName: name,
                               selection: selected.selection)
        }
    }

    /// Starts `report.xlsx` on its own thread: it writes the deliveries sheet while
    /// `tables` are still being grouped and the CSV files written.
    private static func startWorkbook(_ selected: SelectedDeliveries, timeZone: ReportTimeZone,
                                      tables: @escaping @Sendable () async -> ReportTables, request: ReportRequest,
                                      into folder: String,
                                      progress: any ProgressSink) -> Task<Result<String, ReportError>, Never> {
        let snapshotName = snapshotName(request.snapshotFolder)
        progress.update(stage: "writing xlsx", done: 0, total: ReportTables.names.count, unit: "tables")
        return Task {
            do throws(ReportError) {
                return .success(try await XLSXRenderer().render(
                    deliveries: selected.workbookTable, otherTablesRowBound: selected.otherTablesRowBound, timeZone: timeZone,
                    tables: tables, snapshotName: snapshotName, into: folder, progress: progress))
            } catch {
                return .failure(error)
            }
        }
    }

    /// Starts `deliveries.csv`, the report's largest file, which needs no grouping: it is
    /// written while the other tables are grouped, and they are written after it.
    private static func startDeliveriesCSV(_ deliveries: Table, renderer: CSVRenderer, timeZone: ReportTimeZone,
                                           into folder: String,
                                           progress: any ProgressSink) -> Task<Result<Void, ReportError>, Never> {
        Task {
            do throws(ReportError) {
                try await renderer.write(deliveries, timeZone: timeZone,
                                         to: CSVRenderer.path(of: deliveries.name, in: folder), progress: progress)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
    }

    /// The summary page's renderer, with the templates of `folder` or the bundled ones.
    private static func summaryPageRenderer(_ folder: String?) throws(ReportError) -> SummaryPageRenderer {
        if let folder {
            return try SummaryPageRenderer(templates: ReportTemplates.load(folder: folder))
        }
        return try SummaryPageRenderer(templates: ReportTemplates.bundled())
    }

    /// The snapshot folder's own name, as the workbook's comments give it.
    static func snapshotName(_ folder: String) -> String {
        URL(fileURLWithPath: folder).standardizedFileURL.lastPathComponent
    }

    package static func createFolder(_ path: String) throws(ReportError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .outputFailed(path: path, reason: error.localizedDescription)
        }
    }
}
