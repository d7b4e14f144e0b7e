import SMSCore

/// The groups of one grouping (by batch, by operator, …): each distinct key gets an
/// index the first time it is met, and its accumulator lives in an array at that index.
package struct GroupTable<Key: Hashable> {
    private var interner = KeyInterner<Key>()
    package private(set) var accumulators: [GroupAccumulator] = []

    /// How many groups there are.
    package var count: Int {
        accumulators.count
    }

    /// The groups' keys, in the order they were met.
    package var keys: [Key] {
        interner.keys
    }

    /// The index of `key`'s group, created when new.
    package mutating func index(of key: Key) -> Int32 {
        let index = interner.index(of: key)
        if Int(index) == accumulators.count {
            accumulators.append(GroupAccumulator())
        }
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
        for (index, key) in keys.enumerated() {
            finished.append((key, accumulators[index].finish()))
        }
        accumulators.removeAll()
        return finished
    }
}
