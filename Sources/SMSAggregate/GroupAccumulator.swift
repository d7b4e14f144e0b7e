import SMSCore

/// Collects one group's deliveries: counts by status and latency figures.
package struct GroupAccumulator {
    /// Deliveries by status ordinal, stored inline: a report has tens of thousands of
    /// groups, each counted into for every delivery, and an array each would be an
    /// allocation and a uniqueness check per count.
    private var statusCounts = InlineArray<8, Int>(repeating: 0)
    package private(set) var deliveries = 0
    package private(set) var firstSentAt = Instant(microseconds: .max)
    package private(set) var lastSentAt = Instant(microseconds: .min)
    private var latencies = LatencyStream()

    /// Counts a delivery.
    package mutating func add(status: DeliveryStatus, sentAt: Instant) {
        deliveries += 1
        statusCounts[status.ordinal] += 1
        if sentAt < firstSentAt { firstSentAt = sentAt }
        if sentAt > lastSentAt { lastSentAt = sentAt }
    }

    /// Announces a latency that ``addLatency(_:)`` will add later.
    package mutating func expectLatency() {
        latencies.expectOne()
    }

    /// Adds a (non-negative) latency in microseconds. Every latency must have been
    /// announced, and they must come in ascending order (see ``LatencyStream``).
    package mutating func addLatency(_ latency: Int64) {
        latencies.add(latency)
    }

    /// The group's figures.
    package func finish() -> GroupStatistics {
        GroupStatistics(
            deliveries: deliveries, statusCounts: DeliveryStatus.allCases.map { statusCounts[$0.ordinal] },
            latency: latencies.statistics,
            firstSentAt: firstSentAt, lastSentAt: lastSentAt)
    }
}

/// The figures of one group: the `<G>` columns of contract §4.
package struct GroupStatistics: Sendable, Equatable {
    package var deliveries: Int
    /// Counts by status, in ``DeliveryStatus/allCases`` order.
    package var statusCounts: [Int]
    /// Nil when the group has no latencies.
    package var latency: LatencyStatistics?
    package var firstSentAt: Instant
    package var lastSentAt: Instant

    /// A group's figures computed elsewhere (from stored rollups).
    package init(deliveries: Int, statusCounts: [Int], latency: LatencyStatistics?, firstSentAt: Instant, lastSentAt: Instant) {
        self.deliveries = deliveries
        self.statusCounts = statusCounts
        self.latency = latency
        self.firstSentAt = firstSentAt
        self.lastSentAt = lastSentAt
    }

    /// The number of deliveries with `status`.
    package func count(_ status: DeliveryStatus) -> Int {
        statusCounts[status.ordinal]
    }

    /// delivered ÷ deliveries.
    package var deliveryRate: Ratio {
        Ratio(count(.delivered), over: deliveries)
    }
}
