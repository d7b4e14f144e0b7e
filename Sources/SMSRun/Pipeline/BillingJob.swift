import SMSSupport
import SMSCore
import SMSIngest
import SMSBilling
import SMSHistory
import SMSRender

/// The `billing` pipeline: snapshot → the month's deliveries → a billing statement →
/// `billing.csv` and `billing.xlsx` (contract §7).
package enum BillingJob {
    /// Reads the snapshot, bills the month's deliveries and writes both files.
    ///
    /// Throws ``ReportError/missingRate(rateCard:operatorName:)`` (exit 2) when an
    /// operator with deliveries has no price and the card has no default; nothing is
    /// written then. A month without deliveries gives a zero invoice.
    /// With `keepsHistory`, the outcome also carries the month's days for the store.
    package static func run(_ request: BillingRequest, keepsHistory: Bool = false,
                           progress: any ProgressSink = SilentProgress()) async throws(ReportError) -> BillingOutcome {
        let reader = SnapshotReader(statusMap: request.statusMap, operators: request.operators)
        progress.update(stage: "reading snapshot", done: 0, total: 0, unit: "files")
        let snapshot = try await reader.read(folder: request.snapshotFolder, progress: progress)
        progress.finish(stage: "reading snapshot")

        let billing = BillingOptions(account: request.account, rateCard: request.rateCard, months: [request.month])
        // One selection of the month's deliveries serves the bill and the store.
        var clock = LocalClock(timeZone: request.timeZone)
        let selection = DeliverySelection(snapshot.normalized.deliveries, options: request.reportOptions, clock: &clock)
        let statement = try BillingAggregator.statement(snapshot.normalized, selection: selection, billing: billing,
                                                        options: request.reportOptions)
        var history: HistoryWrites?
        if keepsHistory {
            let plan = try HistoryWrites.plan(snapshot: snapshot, selection: selection, options: request.reportOptions)
            history = HistoryWrites.make(snapshot: snapshot, plan: plan, options: request.reportOptions,
                                         account: request.account, snapshotName: ReportJob.snapshotName(request.snapshotFolder),
                                         selection: selection)
        }
        var outcome = try await write(statement, isComplete: snapshot.isComplete,
                                      incompleteReasons: snapshot.incompleteReasons, outputFolder: request.outputFolder,
                                      csvGuardsFormulas: request.csvGuardsFormulas, progress: progress)
        outcome.history = history
        return outcome
    }

    /// Writes `billing.csv` and `billing.xlsx` of `statement` into `outputFolder`.
    package static func write(_ statement: BillingStatement, isComplete: Bool, incompleteReasons: [String],
                              outputFolder: String, csvGuardsFormulas: Bool,
                              progress: any ProgressSink) async throws(ReportError) -> BillingOutcome {
        try ReportJob.createFolder(outputFolder)
        let csvPath = "\(outputFolder)/\(BillingStatement.tableName).csv"
        progress.update(stage: "writing billing", done: 0, total: 2, unit: "files")
        try await CSVRenderer(guardsFormulas: csvGuardsFormulas)
            .write(statement.table, timeZone: statement.timeZone, to: csvPath)
        let workbookPath = try await BillingWorkbookRenderer()
            .render(statement, isComplete: isComplete, incompleteReasons: incompleteReasons, into: outputFolder)
        progress.finish(stage: "writing billing")
        return BillingOutcome(files: [csvPath, workbookPath], statement: statement,
                              isComplete: isComplete, incompleteReasons: incompleteReasons)
    }
}
