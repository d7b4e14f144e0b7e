import SMSAggregate
import SMSCore
import SMSIngest
import SMSStore
import SnapshotFormat

/// Turns a snapshot into the days and rollups it writes to the history store
/// (contract §9): one ``DayWrite`` per day of a ``StoredDayPlan``, days without
/// deliveries included with zero counts and no rollups.
///
/// One pass over the plan's deliveries, in deliveries order, with integer keys:
/// operators and prefixes by ``OperatorSlots``, batches and raw statuses by
/// ``KeyInterner``. Rollups come out sorted, so writing a day again from the same
/// snapshot gives identical rows.
package enum DayRollupBuilder {
    /// The writes of `plan`'s days from `snapshot`, for `account`, days counted in
    /// `timeZone`; `snapshotName` is recorded on each day.
    ///
    /// `selection` may be the report's own selection, to save selecting again: it must
    /// have been made in `timeZone` without a batch filter and cover every plan day.
    /// Without it the deliveries of the plan's days are selected here.
    package static func dayWrites(snapshot: LoadedSnapshot, account: String, timeZone: ReportTimeZone,
                                  plan: StoredDayPlan, snapshotName: String,
                                  selection: DeliverySelection? = nil) -> [DayWrite] {
        guard let firstDay = plan.days.min(), let lastDay = plan.days.max() else { return [] }
        let selection = selection ?? {
            var clock = LocalClock(timeZone: timeZone)
            let options = ReportOptions(timeZone: timeZone, from: firstDay, to: lastDay, generatedAt: Instant(microseconds: 0))
            return DeliverySelection(snapshot.normalized.deliveries, options: options, clock: &clock)
        }()
        var pass = RollupPass(days: plan.days, firstDay: firstDay, lastDay: lastDay, messages: snapshot.normalized.messages)
        let deliveries = snapshot.normalized.deliveries
        for index in selection.order {
            pass.add(deliveries[Int(index)], day: selection.days[Int(index)])
        }
        let fetchCounts = fetchCheckCounts(snapshot.normalized.fetchChecks)
        let mismatches = metricsMismatches(snapshot, days: firstDay...lastDay)
        let dataAsOf = snapshot.manifest?.fetchFinished.flatMap(TimestampParser.parse)
        return plan.days.map { day in
            let totals = pass.totals(of: day)
            let stored = StoredDay(account: account, day: day, isComplete: plan.completeDays.contains(day),
                                   dataAsOf: dataAsOf, snapshot: snapshotName, deliveries: totals.deliveries,
                                   messages: totals.messages,
                                   qualityCounts: totals.qualityCounts.merging(fetchCounts) { day, _ in day }
                                    .merging([DataQualityCheck.metricsMismatch.rawValue: mismatches[day] ?? 0]) { day, _ in day })
            return DayWrite(day: stored, operatorRollups: pass.operatorRollups(of: day, account: account),
                            batchRollups: pass.batchRollups(of: day, account: account))
        }
    }

    /// Each day's `metrics_mismatch` count: the reconciliation rows of that day that are
    /// mismatches (contract §10), as a one-day report of the day counts them.
    static func metricsMismatches(_ snapshot: LoadedSnapshot, days: ClosedRange<LocalDay>) -> [LocalDay: Int] {
        guard snapshot.hasMetricsSnapshot else { return [:] }
        var counts: [LocalDay: Int] = [:]
        for row in Reconciliation.rows(metrics: snapshot.metrics, deliveries: snapshot.normalized.deliveries, days: days)
        where row.isMismatch {
            counts[row.day, default: 0] += 1
        }
        return counts
    }

    /// The checks about the fetch, counted over the whole snapshot (contract §3, "Filters").
    static func fetchCheckCounts(_ checks: FetchChecks) -> [String: Int] {
        [DataQualityCheck.duplicateRows.rawValue: checks.duplicateRows,
         DataQualityCheck.missingBatchReport.rawValue: checks.missingBatchReports,
         DataQualityCheck.countMismatch.rawValue: checks.countMismatch,
         DataQualityCheck.failedRequests.rawValue: checks.failedRequests]
    }
}
