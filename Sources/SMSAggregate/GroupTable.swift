import SMSCore

/// The groups of one grouping (by batch, by operator, …): each distinct key gets an
/// index the first time it is met, and its accumulator lives in an array at that index.
package struct GroupTable<Key: Hashable> {
    package private(set) var keys: [Key] = []
    package private(set) var accumulators: [GroupAccumulator] = []
    private var indexByKey: [Key: Int32] = [:]
    /// The key asked for last and its index: deliveries come in order of `sent_at`, so
    /// runs of them share a batch, a day or an operator, and need no hashing.
    private var lastKey: Key?
    private var lastIndex: Int32 = 0

    /// The index of `key`'s group, created when new.
    package mutating func index(of key: Key) -> Int32 {
        if let lastKey, lastKey == key {
            return lastIndex
        }
        let index: Int32
        if let existing = indexByKey[key] {
            index = existing
        } else {
            index = Int32(keys.count)
            keys.append(key)
            accumulators.append(GroupAccumulator())
            indexByKey[key] = index
        }
        lastKey = key
        lastIndex = index
        return index
    }

    /// Counts a delivery in group `index`.
    package mutating func add(at index: Int32, status: DeliveryStatus, sentAt: Instant) {
        accumulators[Int(index)].add(status: status, sentAt: sentAt)
    }

    /// Announces a latency that group `index` will get from ``addLatency(_:at:)``.
    package mutating func expectLatency(at index: Int32) {
        accumulators[Int(index)].expectLatency()
    }

    /// Adds a latency to group `index`; latencies must come in ascending order.
    package mutating func addLatency(_ latency: Int64, at index: Int32) {
        accumulators[Int(index)].addLatency(latency)
    }

    /// Every group's key and figures, in the order the keys were met.
    package mutating func finish() -> [(key: Key, statistics: GroupStatistics)] {
        var finished: [(key: Key, statistics: GroupStatistics)] = []
        finished.reserveCapacity(keys.count)
        for index in keys.indices {
            finished.append((keys[index], accumulators[index].finish()))
        }
        accumulators.removeAll()
        return finished
    }
}
