/// The canonical status of a delivery (contract §3).
///
/// The cases are in the order the reports list them: as the group columns
/// `delivered, sent, pending, undeliverable, failed, rejected, expired, unknown`.
package enum DeliveryStatus: String, CaseIterable, Sendable, Comparable {
    case delivered
    case sent
    case pending
    case undeliverable
    case failed
    case rejected
    case expired
    case unknown

    /// A final status ends the delivery's life: no later report will change it.
    package var isFinal: Bool {
        switch self {
        case .delivered, .undeliverable, .failed, .rejected, .expired:
            return true
        case .sent, .pending, .unknown:
            return false
        }
    }

    /// The position of the status in ``allCases``.
    package var ordinal: Int {
        switch self {
        case .delivered: 0
        case .sent: 1
        case .pending: 2
        case .undeliverable: 3
        case .failed: 4
        case .rejected: 5
        case .expired: 6
        case .unknown: 7
        }
    }

    package static func < (lhs: DeliveryStatus, rhs: DeliveryStatus) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
