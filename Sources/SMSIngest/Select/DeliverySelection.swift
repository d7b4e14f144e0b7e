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
        var keys: [(sentAt: Int64, index: Int32)] = []
        keys.reserveCapacity(deliveries.count)
        let batchFilter = Set(options.batchIDs.map { $0 == Delivery.noBatchLabel ? "" : $0 })
        for (index, delivery) in deliveries.enumerated() {
            let day = clock.day(of: delivery.sentAt)
            days.append(day)
            if let from = options.from, day < from { continue }
            if let to = options.to, day > to { continue }
            if !batchFilter.isEmpty, !batchFilter.contains(delivery.batchID) { continue }
            keys.append((delivery.sentAt.microseconds, Int32(index)))
        }
        keys.sort { left, right in
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
        self.order = keys.map(\.index)
        self.days = days
    }
}
