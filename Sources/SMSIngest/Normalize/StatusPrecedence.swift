import SMSCore

/// Decides which of two rows for one delivery gives its status (contract §3).
package enum StatusPrecedence {
    /// The outcome of comparing an incoming row with the status a delivery has.
    package enum Outcome: Equatable {
        /// The incoming row's status (and its `delivered_at`) replaces the current one.
        case takeIncoming
        /// The current status stays.
        case keepCurrent
        /// Both are final and differ: the current one (a report row, read first) stays,
        /// and the conflict is counted.
        case conflict
    }

    /// Compares the `incoming` status with the `current` one. A final status beats one
    /// that is not final; otherwise the row read first wins.
    package static func compare(current: DeliveryStatus, incoming: DeliveryStatus) -> Outcome {
        switch (current.isFinal, incoming.isFinal) {
        case (false, true):
            return .takeIncoming
        case (true, true) where current != incoming:
            return .conflict
        default:
            return .keepCurrent
        }
    }
}
