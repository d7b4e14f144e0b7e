import SMSSupport
import SMSCore
import SMSIngest
import SMSBilling
import SMSRender

/// The `billing` pipeline: snapshot → the month's deliveries → a billing statement →
/// `billing.csv` and `billing.xlsx` (contract §7).
package enum BillingJob {
    /// Reads the snapshot, bills the month's deliveries and writes both files.
    ///
    /// Throws ``ReportError/missingRate(rateCard:operatorName:)`` (exit 2) when an
    /// operator with deliveries has no price and the card has no default; nothing is
    /// written then. A month without deliveries gives a zero invoice.
    package static func run(_ request: BillingRequest,
                           progress: any ProgressSink = SilentProgress()) async throws(ReportError) -> BillingOutcome {
        let reader = SnapshotReader(statusMap: request.statusMap, operators: request.operators)
        progress.update(stage: "reading snapshot", done: 0, total: 0, unit: "files")
        let snapshot = try await reader.read(folder: request.snapshotFolder, progress: progress)
        progress.finish(stage: "reading snapshot")

        let billing = BillingOptions(account: request.account, rateCard: request.rateCard, months: [request.month])
        let statement = try BillingAggregator.statement(for: snapshot, options: request.reportOptions, billing: billing)

        try ReportJob.createFolder(request.outputFolder)
        let csvPath = "\(request.outputFolder)/\(BillingStatement.tableName).csv"
        progress.update(stage: "writing billing", done: 0, total: 2, unit: "files")
        try await CSVRenderer(guardsFormulas: request.csvGuardsFormulas)
            .write(statement.table, timeZone: request.timeZone, to: csvPath)
        let workbookPath = try await BillingWorkbookRenderer()
            .render(statement, isComplete: snapshot.isComplete, incompleteReasons: snapshot.incompleteReasons,
                    into: request.outputFolder)
        progress.finish(stage: "writing billing")
        return BillingOutcome(files: [csvPath, workbookPath], statement: statement,
                              isComplete: snapshot.isComplete, incompleteReasons: snapshot.incompleteReasons)
    }
}
