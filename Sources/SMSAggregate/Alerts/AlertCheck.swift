import Foundation
import SMSCore

/// The alert rules of contract §10, applied to a period's figures against a baseline's.
package enum AlertCheck {
    /// The alerts of every group in `period` (the account and each operator) against the
    /// same group in `baseline`, drawn from `baselineDays`. With fewer baseline days than
    /// ``AlertThresholds/minBaselineDays`` nothing is checked and a note says so.
    package static func findings(period: [Alert.Scope: AlertFigures], baseline: [Alert.Scope: AlertFigures],
                                 baselineDays: [LocalDay], thresholds: AlertThresholds) -> AlertFindings {
        guard baselineDays.count >= thresholds.minBaselineDays else {
            let note = "No alerts checked: the store holds \(baselineDays.count) complete day\(baselineDays.count == 1 ? "" : "s") "
                + "before the period, and the baseline needs at least \(thresholds.minBaselineDays) "
                + "(of \(thresholds.baselineDays))."
            return AlertFindings(alerts: [], notes: [note], baselineDays: baselineDays)
        }
        var alerts: [Alert] = []
        for scope in period.keys.sorted(by: scopeOrder) {
            guard let current = period[scope], let earlier = baseline[scope] else { continue }
            if let alert = rateDrop(scope: scope, period: current, baseline: earlier, days: baselineDays.count,
                                    thresholds: thresholds) {
                alerts.append(alert)
            }
            if let alert = latencyRise(scope: scope, period: current, baseline: earlier, days: baselineDays.count,
                                       thresholds: thresholds) {
                alerts.append(alert)
            }
        }
        return AlertFindings(alerts: alerts, notes: [], baselineDays: baselineDays)
    }

    /// The one-sided two-proportion z statistic of `period`'s delivery rate against
    /// `baseline`'s, with the pooled proportion; nil when it is undefined (no deliveries,
    /// or a pooled rate of exactly 0 or 1).
    package static func zStatistic(period: AlertFigures, baseline: AlertFigures) -> Double? {
        guard period.deliveries > 0, baseline.deliveries > 0 else { return nil }
        let periodRate = Double(period.delivered) / Double(period.deliveries)
        let baselineRate = Double(baseline.delivered) / Double(baseline.deliveries)
        let pooled = Double(period.delivered + baseline.delivered) / Double(period.deliveries + baseline.deliveries)
        let variance = pooled * (1 - pooled) * (1 / Double(period.deliveries) + 1 / Double(baseline.deliveries))
        guard variance > 0 else { return nil }
        return (periodRate - baselineRate) / variance.squareRoot()
    }

    private static func rateDrop(scope: Alert.Scope, period: AlertFigures, baseline: AlertFigures, days: Int,
                                 thresholds: AlertThresholds) -> Alert? {
        guard period.deliveries >= thresholds.minDeliveries, baseline.deliveries > 0,
              let z = zStatistic(period: period, baseline: baseline), z <= -thresholds.z else { return nil }
        let periodRate = Ratio(period.delivered, over: period.deliveries)
        let baselineRate = Ratio(baseline.delivered, over: baseline.deliveries)
        let dropPoints = (baselineRate.value - periodRate.value) * 100
        guard dropPoints >= thresholds.minDropPoints else { return nil }
        let message = "\(subject(scope)) delivery rate \(percent(periodRate)) against \(percent(baselineRate)) "
            + "over the \(days)-day baseline (\(String(format: "%.1f", -dropPoints)) points, z = \(String(format: "%.1f", z)))"
        return Alert(scope: scope, metric: .deliveryRate, periodValue: .rate(periodRate), baselineValue: .rate(baselineRate),
                     change: .rate(Ratio.difference(periodRate, baselineRate)), deliveries: period.deliveries,
                     baselineDeliveries: baseline.deliveries, z: z, message: message)
    }

    private static func latencyRise(scope: Alert.Scope, period: AlertFigures, baseline: AlertFigures, days: Int,
                                    thresholds: AlertThresholds) -> Alert? {
        guard period.latencyCount >= thresholds.minDeliveries, baseline.latencyCount >= thresholds.minDeliveries,
              let periodP95 = period.latencyP95, let baselineP95 = baseline.latencyP95,
              Double(periodP95) > thresholds.latencyFactor * Double(baselineP95) else { return nil }
        let factor = baselineP95 > 0 ? String(format: "%.1f×", Double(periodP95) / Double(baselineP95)) : "up from 0"
        let message = "\(subject(scope)) latency p95 \(SecondsText.format(periodP95)) s against "
            + "\(SecondsText.format(baselineP95)) s over the \(days)-day baseline (\(factor))"
        return Alert(scope: scope, metric: .latencyP95, periodValue: .seconds(periodP95), baselineValue: .seconds(baselineP95),
                     change: .seconds(periodP95 - baselineP95), deliveries: period.deliveries,
                     baselineDeliveries: baseline.deliveries, z: nil, message: message)
    }

    private static func subject(_ scope: Alert.Scope) -> String {
        switch scope {
        case .account: "Account"
        case .operatorName(let name): name
        }
    }

    private static func percent(_ ratio: Ratio) -> String {
        String(format: "%.1f%%", ratio.value * 100)
    }

    /// The account first, then operators by name.
    private static func scopeOrder(_ left: Alert.Scope, _ right: Alert.Scope) -> Bool {
        switch (left, right) {
        case (.account, .operatorName): true
        case (.operatorName(let a), .operatorName(let b)): TableBuilder.byteOrder(a, b)
        default: false
        }
    }
}
