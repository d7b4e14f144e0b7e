import SMSAggregate
import SMSCore
import SMSStore

/// Reads from the store what a report shows of its history (contract §10): the KPIs of
/// the earlier periods, the alert baseline, and the operators' sparklines.
///
/// Everything stored comes from days strictly before the report's period, so a report
/// reads the same whether or not its own days are stored yet.
package struct ReportTrendsReader: Sendable {
    package let store: any HistoryStore

    /// How far back the baseline's stored days are looked for.
    package static let baselineLookbackDays = 366

    package init(store: any HistoryStore) {
        self.store = store
    }

    /// The trends of a report's `tables` for `account`, with the alert rules of `thresholds`.
    package func trends(of tables: ReportTables, account: String,
                        thresholds: AlertThresholds) async throws(HistoryError) -> ReportTrends {
        try await trends(of: ReportPeriodFigures(tables), account: account, thresholds: thresholds)
    }

    /// The trends of a report's `report` figures for `account`, with the alert rules of `thresholds`.
    package func trends(of report: ReportPeriodFigures, account: String,
                        thresholds: AlertThresholds) async throws(HistoryError) -> ReportTrends {
        let current = KPIFigures(report.totals)
        guard let first = report.days?.lowerBound, let last = report.days?.upperBound else {
            let findings = AlertFindings(alerts: [], notes: ["No alerts checked: the report has no period."], baselineDays: [])
            return ReportTrends(comparisons: ReportComparisons(current: current, earlier: []), findings: findings,
                                sparklines: [])
        }
        let earlier = EarlierPeriod.periods(before: first...last)
        let sparklineStart = last.adding(days: -(OperatorSparkline.days - 1))
        let lookbackStart = ([first.adding(days: -Self.baselineLookbackDays), sparklineStart]
            + earlier.map(\.days.lowerBound)).min() ?? first
        let window = lookbackStart...first.adding(days: -1)
        let days = try await readStore { () async throws(StoreError) in try await store.days(account: account, in: window) }
        let rollupStart = rollupWindowStart(days: days, earlier: earlier, sparklineStart: sparklineStart,
                                            thresholds: thresholds)
        let rollups = try await readStore { () async throws(StoreError) in
            try await store.operatorRollups(account: account, in: rollupStart...window.upperBound)
        }
        return try trends(of: report, stored: days, figures: StoredFigures(rollups: rollups, account: account),
                          earlier: earlier, thresholds: thresholds)
    }

    private func trends(of report: ReportPeriodFigures, stored: [StoredDay], figures: StoredFigures, earlier: [EarlierPeriod],
                        thresholds: AlertThresholds) throws(HistoryError) -> ReportTrends {
        let usable = stored.filter(figures.hasFigures)
        let comparisons = ReportComparisons(
            current: KPIFigures(report.totals),
            earlier: earlier.map { period in
                var filled = period
                filled.figures = Self.kpis(of: period.days, usable: usable, figures: figures)
                return filled
            })
        let baselineDays = Self.baselineDays(usable, thresholds: thresholds)
        var period: [Alert.Scope: AlertFigures] = [.account: AlertFigures(report.totals)]
        for group in report.operators {
            period[.operatorName(group.name)] = AlertFigures(group.statistics)
        }
        var baseline: [Alert.Scope: AlertFigures] = [.account: figures.account(over: baselineDays).alertFigures]
        for (name, merged) in figures.operators(over: baselineDays) {
            baseline[.operatorName(name)] = merged.alertFigures
        }
        let findings = AlertCheck.findings(period: period, baseline: baseline, baselineDays: baselineDays,
                                           thresholds: thresholds)
        return ReportTrends(comparisons: comparisons, findings: findings,
                            sparklines: Self.sparklines(report, usable: usable, figures: figures))
    }

    /// The earliest day whose rollups are needed: the baseline's, the earlier periods'
    /// and the sparklines' days.
    private func rollupWindowStart(days: [StoredDay], earlier: [EarlierPeriod], sparklineStart: LocalDay,
                                   thresholds: AlertThresholds) -> LocalDay {
        let complete = days.filter(\.isComplete)
        let candidates = complete.suffix(thresholds.baselineDays).map(\.day)
            + earlier.map(\.days.lowerBound) + [sparklineStart]
        return candidates.min() ?? sparklineStart
    }

    /// The last ``AlertThresholds/baselineDays`` complete stored days with readable figures.
    private static func baselineDays(_ usable: [StoredDay], thresholds: AlertThresholds) -> [LocalDay] {
        usable.filter(\.isComplete).map(\.day).sorted().suffix(thresholds.baselineDays).map { $0 }
    }

    /// The KPIs over `days` when every one of them is stored with readable figures; nil otherwise.
    private static func kpis(of days: ClosedRange<LocalDay>, usable: [StoredDay], figures: StoredFigures) -> KPIFigures? {
        let stored = Set(usable.map(\.day))
        let wanted = (days.lowerBound.daysSinceEpoch...days.upperBound.daysSinceEpoch).map(LocalDay.init(daysSinceEpoch:))
        guard wanted.allSatisfy(stored.contains) else { return nil }
        return KPIFigures(figures.account(over: wanted).statistics)
    }

    /// One sparkline per operator of the report: the days of the period from the report,
    /// the days before it from the store.
    private static func sparklines(_ report: ReportPeriodFigures, usable: [StoredDay],
                                   figures: StoredFigures) -> [OperatorSparkline] {
        guard let first = report.days?.lowerBound, let last = report.days?.upperBound else { return [] }
        let stored = Set(usable.map(\.day))
        var reported: [String: [LocalDay: Ratio]] = [:]
        for count in report.operatorDays where count.deliveries > 0 {
            reported[count.operatorName, default: [:]][count.day] = Ratio(count.delivered, over: count.deliveries)
        }
        let days = (0..<OperatorSparkline.days).map { last.adding(days: $0 - (OperatorSparkline.days - 1)) }
        return report.operators.map { group in
            OperatorSparkline(operatorName: group.name, points: days.map { day in
                let rate = day >= first
                    ? reported[group.name]?[day]
                    : (stored.contains(day) ? figures.rate(of: group.name, on: day) : nil)
                return OperatorSparkline.Point(day: day, rate: rate)
            })
        }
    }

    /// The trends of a report whose store could not be read: every earlier period
    /// `no data`, no sparklines, and a note with `reason` instead of alerts.
    package static func unavailable(_ report: ReportPeriodFigures, reason: String) -> ReportTrends {
        let earlier = report.days.map(EarlierPeriod.periods(before:)) ?? []
        let note = "Changes and alerts are not shown: the history store could not be read (\(reason))."
        return ReportTrends(comparisons: ReportComparisons(current: KPIFigures(report.totals), earlier: earlier),
                            findings: AlertFindings(alerts: [], notes: [note], baselineDays: []), sparklines: [])
    }
}

extension MergedFigures {
    /// What the alert checks need of these figures (p95 from the merged sketch).
    var alertFigures: AlertFigures {
        AlertFigures(statistics)
    }
}
