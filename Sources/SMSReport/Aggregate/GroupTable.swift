/// The groups of one grouping (by batch, by operator, …): each distinct key gets an
/// index the first time it is met, and its accumulator lives in an array at that index.
struct GroupTable<Key: Hashable> {
    private(set) var keys: [Key] = []
    private(set) var accumulators: [GroupAccumulator] = []
    private var indexByKey: [Key: Int32] = [:]

    /// The index of `key`'s group, created when new.
    mutating func index(of key: Key) -> Int32 {
        if let index = indexByKey[key] {
            return index
        }
        let index = Int32(keys.count)
        keys.append(key)
        accumulators.append(GroupAccumulator())
        indexByKey[key] = index
        return index
    }

    /// Counts a delivery in group `index`.
    mutating func add(at index: Int32, status: DeliveryStatus, sentAt: Instant) {
        accumulators[Int(index)].add(status: status, sentAt: sentAt)
    }

    /// Adds a latency to group `index`; latencies must come in ascending order.
    mutating func addLatency(_ latency: Int64, at index: Int32) {
        accumulators[Int(index)].addLatency(latency)
    }

    /// Every group's key and figures, in the order the keys were met.
    mutating func finish() -> [(key: Key, statistics: GroupStatistics)] {
        var finished: [(key: Key, statistics: GroupStatistics)] = []
        finished.reserveCapacity(keys.count)
        for index in keys.indices {
            finished.append((keys[index], accumulators[index].finish()))
        }
        accumulators.removeAll()
        return finished
    }
}
