/// The buckets of the latency histogram (contract §4). Each includes its lower bound.
package enum LatencyBucket: Int, CaseIterable, Sendable {
    case underOneSecond, oneToFiveSeconds, fiveToThirtySeconds, thirtySecondsToOneMinute
    case oneToFiveMinutes, fiveToThirtyMinutes, thirtyMinutesToOneHour, oneToSixHours
    case sixToTwentyFourHours, twentyFourHoursOrMore, notDelivered

    /// The bucket's label in every report.
    package var label: String {
        ["<1s", "1-5s", "5-30s", "30s-1m", "1-5m", "5-30m", "30m-1h", "1-6h", "6-24h", ">=24h", "not_delivered"][rawValue]
    }

    /// Upper bounds (exclusive), in seconds, of the latency buckets in order.
    private static let upperBoundsSeconds: [Int64] = [1, 5, 30, 60, 300, 1800, 3600, 21_600, 86_400]

    /// The bucket of a non-negative latency in microseconds.
    package static func bucket(forLatency microseconds: Int64) -> LatencyBucket {
        for (index, bound) in upperBoundsSeconds.enumerated() where microseconds < bound * 1_000_000 {
            return LatencyBucket(rawValue: index) ?? .twentyFourHoursOrMore
        }
        return .twentyFourHoursOrMore
    }
}
