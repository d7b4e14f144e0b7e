/// A canonical delivery status (contract §3).
public enum IntendedStatus: String, Sendable, Hashable, CaseIterable {
    case delivered, sent, pending, undeliverable, failed, rejected, expired, unknown

    /// True for the statuses that end a delivery's story: they beat the others.
    public var isFinal: Bool {
        switch self {
        case .delivered, .undeliverable, .failed, .rejected, .expired: true
        case .sent, .pending, .unknown: false
        }
    }
}

/// What one API row says about a message's status: the raw `status` and `delivered_at`.
public struct RowStatus: Sendable, Hashable {
    /// `status` exactly as the row writes it, such as `DELIVRD`, `" delivered "` or `"1"`.
    public var raw: String
    /// `delivered_at`, or nil for JSON `null`.
    public var deliveredAt: APITimestamp?

    /// A row saying `raw`, delivered at `deliveredAt` or not yet.
    public init(raw: String, deliveredAt: APITimestamp?) {
        self.raw = raw
        self.deliveredAt = deliveredAt
    }
}

/// The status and delivery time that the contract's precedence rules must settle on
/// for every recipient of a message.
public struct IntendedOutcome: Sendable, Hashable {
    /// The canonical status.
    public var status: IntendedStatus
    /// When it was delivered (microseconds since the epoch), or nil.
    public var deliveredAt: Int64?

    /// The outcome `status`, delivered at `deliveredAt` (microseconds since the epoch) or not.
    public init(status: IntendedStatus, deliveredAt: Int64?) {
        self.status = status
        self.deliveredAt = deliveredAt
    }
}
