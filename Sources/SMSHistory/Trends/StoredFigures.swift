import SMSAggregate
import SMSCore
import SMSStore

/// Stored rollups merged per group and day, for comparisons, baselines and sparklines.
struct StoredFigures {
    /// Each stored day's rollups, merged for the account and per operator.
    private var byDay: [LocalDay: DayFigures] = [:]

    /// One day's figures.
    struct DayFigures {
        var account = MergedFigures()
        var operators: [String: MergedFigures] = [:]
    }

    /// Merges `rollups` by day, for the account and each operator.
    init(rollups: [OperatorRollup], account: String) throws(HistoryError) {
        for rollup in rollups {
            var day = byDay[rollup.day] ?? DayFigures()
            try day.account.add(status: rollup.status, deliveries: rollup.deliveries, latency: rollup.latency,
                                account: account, day: rollup.day)
            var operatorFigures = day.operators[rollup.operatorName] ?? MergedFigures()
            try operatorFigures.add(status: rollup.status, deliveries: rollup.deliveries, latency: rollup.latency,
                                    account: account, day: rollup.day)
            day.operators[rollup.operatorName] = operatorFigures
            byDay[rollup.day] = day
        }
    }

    /// True when `day`'s figures are readable: it has rollups, or its days row says it had
    /// no deliveries (a pruned day has neither).
    func hasFigures(for day: StoredDay) -> Bool {
        day.deliveries == 0 || byDay[day.day] != nil
    }

    /// The account's figures over `days`, merged.
    func account(over days: [LocalDay]) -> MergedFigures {
        var merged = MergedFigures()
        for day in days {
            if let figures = byDay[day]?.account { merged.merge(figures) }
        }
        return merged
    }

    /// Each operator's figures over `days`, merged.
    func operators(over days: [LocalDay]) -> [String: MergedFigures] {
        var merged: [String: MergedFigures] = [:]
        for day in days {
            for (name, figures) in byDay[day]?.operators ?? [:] {
                merged[name, default: MergedFigures()].merge(figures)
            }
        }
        return merged
    }

    /// One operator's delivery rate on `day`; nil when it had no deliveries that day.
    func rate(of operatorName: String, on day: LocalDay) -> Ratio? {
        guard let figures = byDay[day]?.operators[operatorName], figures.deliveries > 0 else { return nil }
        return Ratio(figures.statusCounts[DeliveryStatus.delivered.ordinal], over: figures.deliveries)
    }
}
