/// The shapes of the world's random choices. All weights are integers, so draws need
/// no floating point and stay identical on every platform.
enum Distributions {
    /// Hour of the local day a message is sent: quiet at night, busy from 9 to 19.
    static let hourOfDay = Weighted(Array(zip(0..<24, [1, 1, 1, 1, 1, 2, 4, 8, 12, 14, 14, 13,
                                                       12, 12, 12, 12, 13, 14, 14, 12, 9, 6, 3, 2])))

    /// The operator of a recipient's number.
    static let mobileOperator = Weighted<MobileOperator>([
        (.ntc, 45), (.ncell, 38), (.smart, 10), (.utl, 4), (.other, 3),
    ])

    /// Recipients of one message: mostly 1, some 2 or 3.
    static let recipientCount = Weighted([(1, 85), (2, 10), (3, 5)])

    /// Deliveries in one batch.
    static let batchDeliveries = Weighted<ClosedRange<Int>>([(5...50, 40), (51...500, 45), (501...5000, 15)])

    /// Delivery latency in microseconds: mostly seconds, a tail of hours, some past 24 h.
    static let latencyMicroseconds = Weighted<ClosedRange<Int64>>([
        (200_000...999_999, 250),
        (1_000_000...4_999_999, 350),
        (5_000_000...29_999_999, 200),
        (30_000_000...59_999_999, 60),
        (60_000_000...299_999_999, 60),
        (300_000_000...1_799_999_999, 40),
        (1_800_000_000...3_599_999_999, 20),
        (3_600_000_000...21_599_999_999, 15),
        (21_600_000_000...86_399_999_999, 5),
        (86_400_000_000...259_200_000_000, 3),
    ])

    /// How well a batch (or a lone message) fares.
    enum StatusProfile: Sendable {
        case good, normal, poor

        /// The canonical statuses this profile yields.
        var statuses: Weighted<IntendedStatus> {
            switch self {
            case .good: Distributions.goodStatuses
            case .normal: Distributions.normalStatuses
            case .poor: Distributions.poorStatuses
            }
        }
    }

    /// How batches fare.
    static let batchProfile = Weighted<StatusProfile>([(.good, 30), (.normal, 55), (.poor, 15)])

    static let goodStatuses = Weighted<IntendedStatus>([
        (.delivered, 920), (.sent, 20), (.pending, 10), (.undeliverable, 20),
        (.failed, 10), (.rejected, 10), (.expired, 10),
    ])
    static let normalStatuses = Weighted<IntendedStatus>([
        (.delivered, 820), (.sent, 50), (.pending, 20), (.undeliverable, 50),
        (.failed, 30), (.rejected, 15), (.expired, 15),
    ])
    static let poorStatuses = Weighted<IntendedStatus>([
        (.delivered, 550), (.sent, 80), (.pending, 40), (.undeliverable, 180),
        (.failed, 80), (.rejected, 40), (.expired, 30),
    ])

    /// How the gateway spells a canonical status in a report row.
    static func rawSpelling(of status: IntendedStatus, using random: inout WorldRandom) -> String {
        switch status {
        case .delivered:
            let ticket = random.below(100)
            return ticket < 95 ? "DELIVERED" : ticket < 99 ? "DELIVRD" : " delivered "
        case .sent:
            return random.chance(1, in: 5) ? "SUBMITTED" : "SENT"
        case .pending:
            return "PENDING"
        case .undeliverable:
            return random.chance(3, in: 20) ? "UNDELIV" : "UNDELIVERABLE"
        case .failed:
            return "FAILED"
        case .rejected:
            return "REJECTED"
        case .expired:
            return "EXPIRED"
        case .unknown:
            return "WEIRD"
        }
    }

    /// How `/api/batch-ids` writes a status: `"1"` for delivered, `"4"` for
    /// undeliverable, the canonical name in capitals otherwise, and an unknown raw
    /// value as it is.
    static func batchIDsStatus(of status: IntendedStatus, raw: String) -> String {
        switch status {
        case .delivered: "1"
        case .undeliverable: "4"
        case .sent: "SENT"
        case .pending: "PENDING"
        case .failed: "FAILED"
        case .rejected: "REJECTED"
        case .expired: "EXPIRED"
        case .unknown: raw
        }
    }
}
