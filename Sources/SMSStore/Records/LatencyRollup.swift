/// The latency figures a rollup keeps: exact count, sum and max, and a mergeable
/// sketch for the percentiles (contract §9).
package struct LatencyRollup: Sendable, Equatable {
    /// Non-negative latencies counted.
    package var count: Int
    /// Their sum, in microseconds.
    package var sumMicroseconds: Int64
    /// The largest, in microseconds; nil when ``count`` is 0.
    package var maxMicroseconds: Int64?
    /// The encoded latency sketch (the `QuantileSketch` module's compact bytes).
    package var sketch: [UInt8]

    package init(count: Int, sumMicroseconds: Int64, maxMicroseconds: Int64?, sketch: [UInt8]) {
        self.count = count
        self.sumMicroseconds = sumMicroseconds
        self.maxMicroseconds = maxMicroseconds
        self.sketch = sketch
    }
}
