/// What an alert check needs of one group (the account, or an operator) over a period
/// or a baseline.
package struct AlertFigures: Sendable, Equatable {
    package var deliveries: Int
    package var delivered: Int
    package var latencyCount: Int
    /// Microseconds; nil without latencies.
    package var latencyP95: Int64?

    package init(deliveries: Int, delivered: Int, latencyCount: Int, latencyP95: Int64?) {
        self.deliveries = deliveries
        self.delivered = delivered
        self.latencyCount = latencyCount
        self.latencyP95 = latencyP95
    }

    /// The figures of a report group.
    package init(_ statistics: GroupStatistics) {
        self.init(deliveries: statistics.deliveries, delivered: statistics.count(.delivered),
                  latencyCount: statistics.latency?.count ?? 0, latencyP95: statistics.latency?.p95)
    }
}
