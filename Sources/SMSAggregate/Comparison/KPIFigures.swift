import SMSCore

/// The values of every ``KPI`` for one period: from a report (exact) or from stored
/// rollups (percentiles from the sketches).
package struct KPIFigures: Sendable, Equatable {
    package var deliveries: Int
    package var delivered: Int
    /// Microseconds; nil when the period has no latencies.
    package var latencyP50: Int64?
    /// Microseconds; nil when the period has no latencies.
    package var latencyP95: Int64?
    package var undeliverableOrFailed: Int

    package init(deliveries: Int, delivered: Int, latencyP50: Int64?, latencyP95: Int64?, undeliverableOrFailed: Int) {
        self.deliveries = deliveries
        self.delivered = delivered
        self.latencyP50 = latencyP50
        self.latencyP95 = latencyP95
        self.undeliverableOrFailed = undeliverableOrFailed
    }

    /// The KPIs of a group's figures.
    package init(_ statistics: GroupStatistics) {
        self.init(deliveries: statistics.deliveries, delivered: statistics.count(.delivered),
                  latencyP50: statistics.latency?.p50, latencyP95: statistics.latency?.p95,
                  undeliverableOrFailed: statistics.count(.undeliverable) + statistics.count(.failed))
    }

    /// delivered ÷ deliveries; nil without deliveries.
    package var deliveryRate: Ratio? {
        deliveries == 0 ? nil : Ratio(delivered, over: deliveries)
    }

    /// The value of `kpi`; nil when the period has none (no deliveries, or no latencies).
    package func value(_ kpi: KPI) -> KPIValue? {
        switch kpi {
        case .deliveries: .count(deliveries)
        case .deliveryRate: deliveryRate.map(KPIValue.rate)
        case .latencyP50: latencyP50.map(KPIValue.seconds)
        case .latencyP95: latencyP95.map(KPIValue.seconds)
        case .undeliverableOrFailed: .count(undeliverableOrFailed)
        }
    }
}

/// One KPI's value, typed so that each renderer formats it its own way.
package enum KPIValue: Sendable, Equatable {
    case count(Int)
    /// A fraction 0–1.
    case rate(Ratio)
    /// Microseconds.
    case seconds(Int64)
}
