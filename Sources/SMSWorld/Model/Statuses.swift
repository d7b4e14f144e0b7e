/// A canonical delivery status (contract §3).
package enum IntendedStatus: String, Sendable, Hashable, CaseIterable {
    case delivered, sent, pending, undeliverable, failed, rejected, expired, unknown

    /// True for the statuses that end a delivery's story: they beat the others.
    package var isFinal: Bool {
        switch self {
        case .delivered, .undeliverable, .failed, .rejected, .expired: true
        case .sent, .pending, .unknown: false
        }
    }
}

/// What one API row says about a message's status: the raw `status` and `delivered_at`.
package struct RowStatus: Sendable, Hashable {
    /// `status` exactly as the row writes it, such as `DELIVRD`, `" delivered "` or `"1"`.
    package var raw: String
    /// `delivered_at`, or nil for JSON `null`.
    package var deliveredAt: APITimestamp?

    /// A row saying `raw`, delivered at `deliveredAt` or not yet.
    package init(raw: String, deliveredAt: APITimestamp?) {
        self.raw = raw
        self.deliveredAt = deliveredAt
    }
}

/// The status and delivery time that the contract's precedence rules must settle on
/// for every recipient of a message.
package struct IntendedOutcome: Sendable, Hashable {
    /// The canonical status.
    package var status: IntendedStatus
    /// When it was delivered (microseconds since the epoch), or nil.
    package var deliveredAt: Int64?

    /// The outcome `status`, delivered at `deliveredAt` (microseconds since the epoch) or not.
    package init(status: IntendedStatus, deliveredAt: Int64?) {
        self.status = status
        self.deliveredAt = deliveredAt
    }
}
