import SMSBilling
import SMSCore
import SMSHistory
import SMSRender
import SMSStore
import SMSSupport

/// `billing --store` without a snapshot (contract §9): a month billed from the
/// store's rollups, written as `billing.csv` and `billing.xlsx` like any billing.
package enum StoredBillingJob {
    /// Bills `month` for `billing.account` from `store`. The outcome is incomplete
    /// (exit 3) when a day of the month is missing, pruned or not stored complete;
    /// its reasons name those days.
    package static func run(month: LocalMonth, billing: BillingOptions, timeZone: ReportTimeZone, generatedAt: Instant,
                            outputFolder: String, csvGuardsFormulas: Bool, store: any HistoryStore,
                            progress: any ProgressSink) async throws -> BillingOutcome {
        progress.update(stage: "reading the store", done: 0, total: 0, unit: "days")
        if let stored = try await store.timeZone(account: billing.account), stored != timeZone.identifier {
            throw StoreError.timeZoneMismatch(account: billing.account, stored: stored, requested: timeZone.identifier)
        }
        let result = try await HistoryReader(store: store).billing(month: month, billing: billing, timeZone: timeZone,
                                                                    generatedAt: generatedAt)
        progress.finish(stage: "reading the store")
        var reasons: [String] = []
        if !result.missingDays.isEmpty {
            reasons.append("\(result.missingDays.count) days of \(month) are not in the store: \(HistoryDocument.list(result.missingDays))")
        }
        if !result.prunedDays.isEmpty {
            reasons.append("\(result.prunedDays.count) days of \(month) were pruned: \(HistoryDocument.list(result.prunedDays))")
        }
        if !result.incompleteDays.isEmpty {
            reasons.append("\(result.incompleteDays.count) days of \(month) are stored incomplete: \(HistoryDocument.list(result.incompleteDays))")
        }
        return try await BillingJob.write(result.statement, isComplete: reasons.isEmpty, incompleteReasons: reasons,
                                          outputFolder: outputFolder, csvGuardsFormulas: csvGuardsFormulas,
                                          progress: progress)
    }
}
