import SMSCore

/// The deliveries a report covers, in deliveries order (`sent_at`, then phone).
package struct DeliverySelection: Sendable {
    /// Indices of the selected deliveries, sorted.
    package let order: [Int32]
    /// The local day of every delivery of the snapshot, by index.
    package let days: [LocalDay]

    package init(_ deliveries: [Delivery], options: ReportOptions, clock: inout LocalClock) {
        var days: [LocalDay] = []
        days.reserveCapacity(deliveries.count)
        for delivery in deliveries {
            days.append(clock.day(of: delivery.sentAt))
        }
        var keys: [SortKey] = []
        keys.reserveCapacity(deliveries.count)
        let batchFilter = Set(options.batchIDs.map { $0 == Delivery.noBatchLabel ? "" : $0 })
        // Backwards: pages list the newest messages first, so the keys come out nearly in
        // order, and the sort finds them as a few long runs instead of sorting from scratch.
        for index in deliveries.indices.reversed() {
            let day = days[index]
            if let from = options.from, day < from { continue }
            if let to = options.to, day > to { continue }
            if !batchFilter.isEmpty, !batchFilter.contains(deliveries[index].batchID) { continue }
            keys.append((deliveries[index].sentAt.microseconds, Int32(index)))
        }
        let inOrder = { (left: SortKey, right: SortKey) -> Bool in
            if left.sentAt != right.sentAt {
                return left.sentAt < right.sentAt
            }
            // The recipients of one message share an instant. Only the two fields are
            // read: a copy of each delivery would retain all its texts.
            let leftPhone = deliveries[Int(left.index)].phone, rightPhone = deliveries[Int(right.index)].phone
            if leftPhone != rightPhone {
                return leftPhone.utf8.lexicographicallyPrecedes(rightPhone.utf8)
            }
            return deliveries[Int(left.index)].messageID < deliveries[Int(right.index)].messageID
        }
        Self.sortRunsOfOneInstant(&keys, by: inOrder)
        keys.sort(by: inOrder)
        self.order = keys.map(\.index)
        self.days = days
    }

    /// A delivery's instant and its index among the snapshot's deliveries.
    private typealias SortKey = (sentAt: Int64, index: Int32)

    /// Sorts each stretch of neighbouring keys that share an instant (a message's
    /// recipients). The stretches are short; once each is in order, keys read in
    /// time order form one long run for the whole sort, where a message's recipients in
    /// the order of its row would have cut the run at every message.
    private static func sortRunsOfOneInstant(_ keys: inout [SortKey], by inOrder: (SortKey, SortKey) -> Bool) {
        var start = 0
        while start < keys.count {
            var end = start + 1
            while end < keys.count, keys[end].sentAt == keys[start].sentAt {
                end += 1
            }
            if end - start > 1 {
                keys[start..<end].sort(by: inOrder)
            }
            start = end
        }
    }
}
