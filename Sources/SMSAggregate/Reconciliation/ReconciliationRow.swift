import SMSCore

/// One row of the `reconciliation` table (contract §10): the gateway's `enqueue` counter
/// for an operator and Kathmandu day, against the report's deliveries.
package struct ReconciliationRow: Sendable, Equatable {
    package var day: LocalDay
    package var operatorName: String
    /// The counter's value; nil when the gateway sent something that is not a whole
    /// number (the row is kept, with empty cells).
    package var enqueued: Int?
    package var deliveries: Int

    package init(day: LocalDay, operatorName: String, enqueued: Int?, deliveries: Int) {
        self.day = day
        self.operatorName = operatorName
        self.enqueued = enqueued
        self.deliveries = deliveries
    }

    /// Deliveries minus enqueued: negative when the reports show fewer deliveries than
    /// the gateway counted.
    package var difference: Int? {
        enqueued.map { deliveries - $0 }
    }

    /// True when the difference passes both 0.5% of `enqueued` and 10 deliveries.
    package var isMismatch: Bool {
        guard let enqueued, let difference else { return false }
        let gap = difference.magnitude
        return gap > 10 && gap * 200 > UInt(max(enqueued, 0))
    }
}
