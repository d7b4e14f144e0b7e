/// The config's `alerts` block (contract §8, §10): when a change is an alert.
package struct AlertThresholds: Sendable, Equatable {
    /// Stored days the baseline is drawn from.
    package var baselineDays: Int
    /// Fewer stored baseline days than this give a note instead of any alert.
    package var minBaselineDays: Int
    /// A group needs at least this many deliveries (latencies, for latency) in the period.
    package var minDeliveries: Int
    /// A rate drop must be at least this many percentage points.
    package var minDropPoints: Double
    /// A rate drop must give z ≤ −this.
    package var z: Double
    /// A latency rise must make p95 more than this many times the baseline's.
    package var latencyFactor: Double

    /// The contract's defaults: 14, 7, 200, 5, 3, 3.
    package static let standard = AlertThresholds(baselineDays: 14, minBaselineDays: 7, minDeliveries: 200,
                                                 minDropPoints: 5, z: 3, latencyFactor: 3)

    package init(baselineDays: Int, minBaselineDays: Int, minDeliveries: Int, minDropPoints: Double, z: Double,
                latencyFactor: Double) {
        self.baselineDays = baselineDays
        self.minBaselineDays = minBaselineDays
        self.minDeliveries = minDeliveries
        self.minDropPoints = minDropPoints
        self.z = z
        self.latencyFactor = latencyFactor
    }

    /// The fewest deliveries a batch needs to be ranked among the worst batches (issue 14):
    /// a tenth of ``minDeliveries``, and at least 20.
    package var worstBatchMinimumDeliveries: Int {
        max(20, minDeliveries / 10)
    }
}
