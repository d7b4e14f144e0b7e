import SMSCore

/// How a KPI moved from an earlier period to the report's (contract §10): a difference
/// for counts and latencies, percentage points for rates, or `no data`.
package enum KPIChange: Sendable, Equatable {
    /// The earlier period (or the report) has no value for the KPI: shown as `no data`, never 0.
    case noData
    /// Report minus earlier, for counts.
    case count(Int)
    /// Report minus earlier, in microseconds, for latencies.
    case seconds(Int64)
    /// Report minus earlier as an exact fraction (0.05 is 5 percentage points), for rates.
    case rate(Ratio)

    /// Whether the change is good or bad news for a KPI.
    package enum Verdict: Sendable, Equatable {
        case better
        case worse
        case unchanged
        /// A change that is neither good nor bad (traffic), or no data.
        case neutral
    }

    /// The change of `kpi` from `earlier` to `current`.
    package init(_ kpi: KPI, from earlier: KPIFigures?, to current: KPIFigures) {
        guard let earlierValue = earlier?.value(kpi), let currentValue = current.value(kpi) else {
            self = .noData
            return
        }
        switch (currentValue, earlierValue) {
        case (.count(let now), .count(let before)):
            self = .count(now - before)
        case (.seconds(let now), .seconds(let before)):
            self = .seconds(now - before)
        case (.rate(let now), .rate(let before)):
            self = .rate(Ratio.difference(now, before))
        default:
            self = .noData
        }
    }

    /// The sign of the change: -1, 0 or 1; nil for no data.
    package var sign: Int? {
        switch self {
        case .noData: nil
        case .count(let value): value.signum()
        case .seconds(let value): Int(value.signum())
        case .rate(let ratio): ratio.numerator.signum() * (ratio.denominator < 0 ? -1 : 1)
        }
    }

    /// Good or bad news for `kpi`.
    package func verdict(for kpi: KPI) -> Verdict {
        guard let sign else { return .neutral }
        if sign == 0 { return .unchanged }
        switch kpi.preference {
        case .neither: return .neutral
        case .higher: return sign > 0 ? .better : .worse
        case .lower: return sign < 0 ? .better : .worse
        }
    }
}

extension Ratio {
    /// `left − right`, exactly.
    package static func difference(_ left: Ratio, _ right: Ratio) -> Ratio {
        if left.denominator == right.denominator {
            return Ratio(left.numerator - right.numerator, over: left.denominator)
        }
        return Ratio(left.numerator * right.denominator - right.numerator * left.denominator,
                     over: left.denominator * right.denominator)
    }
}
