import QuantileSketch
import SMSAggregate
import SMSCore
import SMSStore

/// The figures of several rollups merged: exact counts, latency count, sum and max,
/// and the sum of their sketches for the percentiles (contract §9).
struct MergedFigures {
    var statusCounts = [Int](repeating: 0, count: DeliveryStatus.allCases.count)
    var deliveries = 0
    var latencyCount = 0
    var latencySum: Int128 = 0
    var latencyMax: Int64?
    var sketch = DDSketch()

    /// Adds the deliveries of one rollup of `status`; `day` and `account` name it if its sketch is unreadable.
    mutating func add(status: DeliveryStatus, deliveries: Int, latency: LatencyRollup,
                      account: String, day: LocalDay) throws(HistoryError) {
        self.deliveries += deliveries
        statusCounts[status.ordinal] += deliveries
        guard latency.count > 0 else { return }
        latencyCount += latency.count
        latencySum += Int128(latency.sumMicroseconds)
        if let max = latency.maxMicroseconds {
            latencyMax = Swift.max(latencyMax ?? max, max)
        }
        do {
            sketch.merge(try DDSketch(encoded: latency.sketch))
        } catch {
            throw .unreadableSketch(account: account, day: day, reason: error.reason)
        }
    }

    /// Adds the figures of `other`.
    mutating func merge(_ other: MergedFigures) {
        deliveries += other.deliveries
        for index in statusCounts.indices {
            statusCounts[index] += other.statusCounts[index]
        }
        latencyCount += other.latencyCount
        latencySum += other.latencySum
        if let otherMax = other.latencyMax {
            latencyMax = Swift.max(latencyMax ?? otherMax, otherMax)
        }
        sketch.merge(other.sketch)
    }

    /// The `<G>` figures: percentiles from the merged sketch, everything else exact.
    var statistics: GroupStatistics {
        GroupStatistics(deliveries: deliveries, statusCounts: statusCounts, latency: latencyStatistics,
                        firstSentAt: Instant(microseconds: .max), lastSentAt: Instant(microseconds: .min))
    }

    private var latencyStatistics: LatencyStatistics? {
        guard latencyCount > 0, let latencyMax else { return nil }
        let quantile = { (percent: Int) -> Int64 in sketch.quantile(percent: percent) ?? latencyMax }
        return LatencyStatistics(
            count: latencyCount, mean: LatencyStatistics.roundedQuotient(latencySum, Int128(latencyCount)),
            p50: quantile(50), p90: quantile(90), p95: quantile(95), p99: quantile(99), max: latencyMax)
    }
}
