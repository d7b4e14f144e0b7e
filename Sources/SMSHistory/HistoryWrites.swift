import SMSCore
import SMSIngest
import SMSStore
import SnapshotFormat

/// What a report keeps in the store (contract §9): its whole days with their
/// rollups, and the metrics snapshot's readings. Made from the snapshot beside the
/// report's tables; written by ``HistoryWriter``.
package struct HistoryWrites: Sendable {
    package var account: String
    package var timeZone: ReportTimeZone
    /// The days the snapshot covers completely, each with its rollups; empty for an
    /// incomplete snapshot.
    package var days: [DayWrite]
    /// The metrics snapshot's readings; empty for an incomplete snapshot.
    package var metrics: [StoredMetricReading]
    /// When the metrics were read: the fetch's end, else the report's generation time.
    package var metricsReadAt: Instant

    /// The most days one report may write: ten years. A wider period is refused
    /// before anything is written, rather than filling the store with empty days.
    package static let maximumDays = 3_660

    /// The days a report of `snapshot` over `options`' period (or, without
    /// `--from`/`--to`, its first and last day with data) stores. Cheap: call it
    /// before any file is written.
    ///
    /// Throws ``ReportError/invalidOption(option:reason:)`` when the period passes
    /// ``maximumDays``.
    package static func plan(snapshot: LoadedSnapshot, selection: DeliverySelection,
                             options: ReportOptions) throws(ReportError) -> StoredDayPlan {
        let period = Self.period(selection: selection, options: options)
        if let period, snapshot.isComplete {
            let dayCount = Int(period.upperBound.daysSinceEpoch) - Int(period.lowerBound.daysSinceEpoch) + 1
            guard dayCount <= maximumDays else {
                throw .invalidOption(option: "--store", reason: "the period spans \(dayCount) days; one report stores at most \(maximumDays) (use --from and --to)")
            }
        }
        return StoredDayPlan(snapshot: snapshot, period: period, timeZone: options.timeZone)
    }

    /// The writes of `plan`'s days for `account`: nothing but the account for an
    /// incomplete snapshot. `selection` is the report's, reused when it was made
    /// without a batch filter (it then covers every plan day).
    package static func make(snapshot: LoadedSnapshot, plan: StoredDayPlan, options: ReportOptions,
                             account: String, snapshotName: String, selection: DeliverySelection? = nil) -> HistoryWrites {
        let readAt = snapshot.manifest?.fetchFinished.flatMap(TimestampParser.parse) ?? options.generatedAt
        guard snapshot.isComplete else {
            return HistoryWrites(account: account, timeZone: options.timeZone, days: [], metrics: [], metricsReadAt: readAt)
        }
        let days = DayRollupBuilder.dayWrites(snapshot: snapshot, account: account, timeZone: options.timeZone, plan: plan,
                                              snapshotName: snapshotName,
                                              selection: options.batchIDs.isEmpty ? selection : nil)
        let metrics = snapshot.metrics.map { reading in
            switch reading.value {
            case .number(let text):
                StoredMetricReading(account: account, readAt: readAt, key: reading.key, value: text, isNumber: true)
            case .text(let text):
                StoredMetricReading(account: account, readAt: readAt, key: reading.key, value: text, isNumber: false)
            }
        }
        return HistoryWrites(account: account, timeZone: options.timeZone, days: days, metrics: metrics, metricsReadAt: readAt)
    }

    /// The report's period: `--from`/`--to`, each defaulting to the first or last day
    /// with a selected delivery; nil when neither a bound nor a delivery gives one.
    private static func period(selection: DeliverySelection, options: ReportOptions) -> ClosedRange<LocalDay>? {
        var first = options.from
        var last = options.to
        if first == nil || last == nil {
            let selectedDays = selection.order.lazy.map { selection.days[Int($0)] }
            first = first ?? selectedDays.min()
            last = last ?? selectedDays.max()
        }
        guard let first, let last, first <= last else { return nil }
        return first...last
    }
}
