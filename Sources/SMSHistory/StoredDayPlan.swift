import SMSCore
import SMSIngest
import SnapshotFormat

/// Which local days a report may write to the store, and which of them are complete
/// (contract §9, "which days a snapshot writes").
///
/// A report writes every day of its period that its snapshot covers completely:
/// every day for a fetch without `--since`; from the `--since` day on (the recheck
/// hours before it only catch late status changes); none after `--until`. An
/// incomplete snapshot writes none. A stored day is *complete* when the data was
/// fetched after the day had ended; today's figures, fetched during the day, are
/// stored but not complete.
package struct StoredDayPlan: Sendable, Equatable {
    /// The days to write, ascending; days without deliveries included.
    package var days: [LocalDay]
    /// The days among ``days`` whose data was fetched after they ended.
    package var completeDays: Set<LocalDay>

    /// The plan for a report of `snapshot` over `period` (the report's `--from`/`--to`,
    /// or its first and last day with data), counted in `timeZone`.
    package init(snapshot: LoadedSnapshot, period: ClosedRange<LocalDay>?, timeZone: ReportTimeZone) {
        guard snapshot.isComplete, var period else {
            self.init(days: [], completeDays: [])
            return
        }
        if let since = snapshot.manifest?.since.flatMap(LocalDay.init(iso:)) {
            guard since <= period.upperBound else { self.init(days: [], completeDays: []); return }
            period = max(since, period.lowerBound)...period.upperBound
        }
        if let until = snapshot.manifest?.until.flatMap(LocalDay.init(iso:)) {
            guard until >= period.lowerBound else { self.init(days: [], completeDays: []); return }
            period = period.lowerBound...min(until, period.upperBound)
        }
        let days = (period.lowerBound.daysSinceEpoch...period.upperBound.daysSinceEpoch).map(LocalDay.init(daysSinceEpoch:))
        let dataAsOf = snapshot.manifest?.fetchFinished.flatMap(TimestampParser.parse)
        let complete = days.filter { day in
            guard let dataAsOf else { return true }
            let nextDay = LocalDay(daysSinceEpoch: day.daysSinceEpoch + 1)
            return dataAsOf >= timeZone.startOfDay(nextDay)
        }
        self.init(days: days, completeDays: Set(complete))
    }

    package init(days: [LocalDay], completeDays: Set<LocalDay>) {
        self.days = days
        self.completeDays = completeDays
    }
}
