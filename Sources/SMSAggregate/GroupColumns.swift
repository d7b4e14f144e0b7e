import SMSCore

/// The group columns `<G>` of contract §4, shared by summary, by_batch, by_operator,
/// by_prefix and by_day.
package enum GroupColumns {
    /// `deliveries, delivered, …, unknown, delivery_rate, latency_count, latency_mean_s,
    /// latency_p50_s, latency_p90_s, latency_p95_s, latency_p99_s, latency_max_s`.
    package static let columns: [Column] =
        [Column("deliveries", .integer)]
        + DeliveryStatus.allCases.map { Column($0.rawValue, .integer) }
        + [Column("delivery_rate", .rate), Column("latency_count", .integer)]
        + LatencyColumns.statistics

    /// The cells of `statistics`, in the order of ``columns``.
    package static func cells(_ statistics: GroupStatistics) -> [Cell] {
        [.integer(statistics.deliveries)]
            + DeliveryStatus.allCases.map { .integer(statistics.count($0)) }
            + [deliveryRateCell(statistics), .integer(statistics.latency?.count ?? 0)]
            + LatencyColumns.cells(statistics.latency)
    }

    /// The `delivery_rate` cell: empty for a group without deliveries.
    package static func deliveryRateCell(_ statistics: GroupStatistics) -> Cell {
        statistics.deliveries == 0 ? .empty : .rate(statistics.deliveryRate)
    }
}

/// The latency statistic columns, shared by the group columns and the cube.
package enum LatencyColumns {
    package static let statistics: [Column] = [
        Column("latency_mean_s", .seconds), Column("latency_p50_s", .seconds),
        Column("latency_p90_s", .seconds), Column("latency_p95_s", .seconds),
        Column("latency_p99_s", .seconds), Column("latency_max_s", .seconds),
    ]

    /// Mean, p50, p90, p95, p99 and max; empty cells when there are no latencies.
    package static func cells(_ latency: LatencyStatistics?) -> [Cell] {
        guard let latency else { return Array(repeating: .empty, count: statistics.count) }
        return [latency.mean, latency.p50, latency.p90, latency.p95, latency.p99, latency.max].map { .seconds($0) }
    }
}
