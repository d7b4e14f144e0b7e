/// The key figures that the summary page, `report.txt`, the email and the workbook's
/// summary sheet compare with earlier periods (contract §10).
package enum KPI: String, CaseIterable, Sendable {
    case deliveries
    case deliveryRate = "delivery_rate"
    case latencyP50 = "latency_p50_s"
    case latencyP95 = "latency_p95_s"
    case undeliverableOrFailed = "undeliverable_failed"

    /// Which way a change is good news, for the colour and the word next to a change.
    package enum Preference: Sendable {
        /// More is better (delivery rate).
        case higher
        /// Less is better (latencies, undeliverable + failed).
        case lower
        /// Neither way is good or bad in itself (the traffic).
        case neither
    }

    /// The KPI's name as people read it.
    package var label: String {
        switch self {
        case .deliveries: "Deliveries"
        case .deliveryRate: "Delivery rate"
        case .latencyP50: "Latency p50"
        case .latencyP95: "Latency p95"
        case .undeliverableOrFailed: "Undeliverable + failed"
        }
    }

    /// Which way a change is good news.
    package var preference: Preference {
        switch self {
        case .deliveries: .neither
        case .deliveryRate: .higher
        case .latencyP50, .latencyP95, .undeliverableOrFailed: .lower
        }
    }
}
