import SMSWorld

/// Makes the messages that reach the gateway while a client reads the pages
/// (``PageShiftPlan``). Arrival number `serial` (from 0) is always the same message for
/// the same seed.
///
/// Each arrival is a lone message (no batch) to one valid NTC or NCELL number, a
/// one-time-code text, sent 1 ms after the message before it. Arrivals cycle through
/// `SENT`, `DELIVERED` (1.5 s later) and `PENDING`, and every endpoint's row agrees.
struct ArrivalFactory: Sendable {
    /// The seed of the phones and codes.
    let seed: UInt64

    /// The gap between consecutive arrivals, in microseconds.
    static let spacing: Int64 = 1_000
    /// How long a delivered arrival took, in microseconds.
    static let latency: Int64 = 1_500_000

    private static let prefixes: [(prefix: Int64, mobileOperator: MobileOperator)] = [
        (984, .ntc), (980, .ncell), (986, .ntc), (981, .ncell), (985, .ntc), (982, .ncell),
    ]

    /// `count` arrivals numbered from `serial`, sent after `newest` (microseconds since the epoch).
    func arrivals(count: Int, startingAt serial: Int, after newest: Int64) -> [WorldMessage] {
        (0..<count).map { offset in
            arrival(serial: serial + offset, sentAt: newest + Int64(offset + 1) * Self.spacing)
        }
    }

    private func arrival(serial: Int, sentAt: Int64) -> WorldMessage {
        let draw = SeededDraw.bits(seed: seed, stream: .arrivals, index: serial)
        let choice = Self.prefixes[Int(draw % UInt64(Self.prefixes.count))]
        let number = choice.prefix * 10_000_000 + Int64((draw >> 8) % 10_000_000)
        let code = (draw >> 40) % 1_000_000
        let recipient = WorldRecipient(clientName: nil, phone: .number(number), intendedNumber: String(number),
                                       mobileOperator: choice.mobileOperator)
        let (raw, status, deliveredAt): (String, IntendedStatus, Int64?) = switch serial % 3 {
        case 0: ("SENT", .sent, nil)
        case 1: ("DELIVERED", .delivered, sentAt + Self.latency)
        default: ("PENDING", .pending, nil)
        }
        let row = RowStatus(raw: raw, deliveredAt: deliveredAt.map { APITimestamp(microseconds: $0) })
        let codeText = String(code).leftPadded(to: 6)
        return WorldMessage(text: "Your verification code is \(codeText). It expires in 10 minutes.",
                            recipients: [recipient], sentAt: APITimestamp(microseconds: sentAt), batchID: nil,
                            reportRow: row, batchReportRow: row, batchIDsRow: row,
                            outcome: IntendedOutcome(status: status, deliveredAt: deliveredAt))
    }
}

extension String {
    /// The string with leading zeros up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
