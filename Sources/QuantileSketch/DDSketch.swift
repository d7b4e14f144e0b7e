import Foundation

/// A mergeable quantile sketch over non-negative integers (latencies in
/// microseconds) whose quantiles are within a bounded relative error of the exact
/// ones: DDSketch (Masson, Rim and Lee, VLDB 2019), with a dense store of buckets.
///
/// A value `v ≥ 1` falls into bucket `i = ⌈log_γ v⌉`, which holds `(γ^(i-1), γ^i]`;
/// a quantile is read as the bucket's midpoint in relative terms, `2γ^i / (γ + 1)`,
/// which is within ``relativeAccuracy`` of every value in the bucket. Zero has its
/// own count. Sketches of the same accuracy merge by adding their buckets, so a
/// month's sketch is the sum of its days'.
package struct DDSketch: Sendable, Equatable {
    /// The promised bound is 1%; the sketch keeps 0.8%, leaving room for the
    /// floating-point logarithm and for rounding a quantile to whole microseconds.
    package static let relativeAccuracy = 0.008
    /// `(1 + α) / (1 − α)`: the ratio between a bucket's bounds.
    static let gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy)
    static let logGamma = log(gamma)
    /// The bucket of `Int64.max` is below this, so no real sketch has more buckets.
    static let bucketLimit = 3_000

    /// The count of each bucket from ``minIndex`` on.
    private(set) var buckets: [UInt64] = []
    /// The index of `buckets[0]`.
    private(set) var minIndex = 0
    /// How many zeros were added.
    private(set) var zeroCount: UInt64 = 0
    /// The smallest and largest values added; a quantile is clamped to them.
    private(set) var minValue: Int64 = .max
    private(set) var maxValue: Int64 = 0

    /// An empty sketch.
    package init() {}

    /// A sketch from its parts, as decoded; the caller has checked them.
    init(buckets: [UInt64], minIndex: Int, zeroCount: UInt64, minValue: Int64, maxValue: Int64) {
        self.buckets = buckets
        self.minIndex = minIndex
        self.zeroCount = zeroCount
        self.minValue = minValue
        self.maxValue = maxValue
    }

    /// How many values were added.
    package var count: UInt64 {
        buckets.reduce(zeroCount, +)
    }

    /// Adds a value; a negative one is ignored (latencies below zero are not statistics).
    package mutating func add(_ value: Int64) {
        guard value >= 0 else { return }
        minValue = Swift.min(minValue, value)
        maxValue = Swift.max(maxValue, value)
        guard value > 0 else {
            zeroCount += 1
            return
        }
        increment(bucket: Self.bucketIndex(of: value), by: 1)
    }

    /// Adds every value of `other`.
    package mutating func merge(_ other: DDSketch) {
        guard other.count > 0 else { return }
        minValue = Swift.min(minValue, other.minValue)
        maxValue = Swift.max(maxValue, other.maxValue)
        zeroCount += other.zeroCount
        for (offset, bucketCount) in other.buckets.enumerated() where bucketCount > 0 {
            increment(bucket: other.minIndex + offset, by: bucketCount)
        }
    }

    /// The nearest-rank quantile: the value at 1-based rank `⌈percentile/100 × n⌉`,
    /// within ``relativeAccuracy`` (plus half a unit of rounding) of the exact one.
    /// Nil for an empty sketch.
    package func quantile(percent percentile: Int) -> Int64? {
        let total = count
        guard total > 0 else { return nil }
        let rank = Swift.max(1, (UInt64(Swift.max(0, Swift.min(100, percentile))) * total + 99) / 100)
        var seen = zeroCount
        if seen >= rank { return 0 }
        for (offset, bucketCount) in buckets.enumerated() {
            seen += bucketCount
            if seen >= rank {
                return clamped(Self.representative(ofBucket: minIndex + offset))
            }
        }
        return maxValue
    }

    /// The bucket a positive value falls into.
    static func bucketIndex(of value: Int64) -> Int {
        Int((log(Double(value)) / logGamma).rounded(.up))
    }

    /// The value a bucket stands for: the point within ``relativeAccuracy`` of both bounds.
    static func representative(ofBucket index: Int) -> Double {
        2 * pow(gamma, Double(index)) / (gamma + 1)
    }

    private func clamped(_ value: Double) -> Int64 {
        let rounded = value.rounded()
        guard rounded < Double(maxValue) else { return maxValue }
        return Swift.max(minValue, Int64(rounded))
    }

    private mutating func increment(bucket index: Int, by amount: UInt64) {
        if buckets.isEmpty {
            minIndex = index
            buckets = [amount]
            return
        }
        if index < minIndex {
            buckets.insert(contentsOf: repeatElement(0, count: minIndex - index), at: 0)
            minIndex = index
        } else if index >= minIndex + buckets.count {
            buckets.append(contentsOf: repeatElement(0, count: index - minIndex - buckets.count + 1))
        }
        buckets[index - minIndex] += amount
    }
}
