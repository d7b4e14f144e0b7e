import QuantileSketch
import SMSCore
import SMSStore

/// The figures of one rollup while its deliveries are counted: deliveries, segments
/// by encoding, the raw status values (as small ids), and the latencies' exact count,
/// sum and max with their sketch.
struct RollupAccumulator {
    var deliveries = 0
    var gsm7Segments = 0
    var ucs2Segments = 0
    /// Ids of the distinct raw status values (see ``RawStatusInterner``); usually one.
    var rawStatusIDs: [Int32] = []
    var latencyCount = 0
    var latencySum: Int64 = 0
    var latencyMax: Int64 = -1
    var sketch = DDSketch()
    var firstSentAt = Int64.max
    var lastSentAt = Int64.min

    /// Counts one delivery of a message of `segments` segments sent at `sentAt`;
    /// `latency` is its non-negative latency, if it has one.
    mutating func add(segments: Int, isUCS2: Bool, rawStatusID: Int32, latency: Int64?, sentAt: Int64) {
        deliveries += 1
        if isUCS2 { ucs2Segments += segments } else { gsm7Segments += segments }
        if !rawStatusIDs.contains(rawStatusID) { rawStatusIDs.append(rawStatusID) }
        if sentAt < firstSentAt { firstSentAt = sentAt }
        if sentAt > lastSentAt { lastSentAt = sentAt }
        if let latency {
            latencyCount += 1
            latencySum += latency
            if latency > latencyMax { latencyMax = latency }
            sketch.add(latency)
        }
    }

    /// The stored latency figures.
    var latencyRollup: LatencyRollup {
        LatencyRollup(count: latencyCount, sumMicroseconds: latencySum,
                      maxMicroseconds: latencyCount > 0 ? latencyMax : nil, sketch: sketch.encoded)
    }

    /// The raw status values, sorted by their UTF-8 bytes.
    func rawValues(_ names: [String]) -> [String] {
        rawStatusIDs.map { names[Int($0)] }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
