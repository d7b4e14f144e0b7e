import SMSWorld

/// Report rows the gateway has lost (`--lose-rows F`): about a fraction F of its
/// messages are missing from every report endpoint (the pages, the batch reports and
/// `/api/batch-ids`), while the metrics snapshot still counts their deliveries, as when
/// the gateway's report table lost rows that its counters saw enqueued.
///
/// A message is lost or kept by a seeded draw on its `sent_at`, so the same seed loses
/// the same rows whatever the order of requests, and arrivals are lost alike. Pages
/// count only the rows they serve, and a batch whose every message is lost is gone from
/// `/api/batch-ids` too, so a client sees a consistent, smaller API.
package struct RowLossPlan: Sendable, Hashable {
    /// The fraction of messages lost, in `0...1`.
    package let fraction: Double
    /// The seed of the draws (the world's).
    package let seed: UInt64

    /// Nothing lost.
    package static let none = RowLossPlan(checkedFraction: 0, seed: 1)

    /// A plan losing about `fraction` (in `0...1`) of the messages, drawn from `seed`.
    package init(fraction: Double, seed: UInt64) throws(SimulatorOptionError) {
        guard fraction.isFinite, (0...1).contains(fraction) else {
            throw SimulatorOptionError("--lose-rows must be between 0 and 1, not \(fraction)")
        }
        self.init(checkedFraction: fraction, seed: seed)
    }

    private init(checkedFraction fraction: Double, seed: UInt64) {
        self.fraction = fraction
        self.seed = seed
    }

    /// True when the message sent at `sentAt` (microseconds since the epoch) is lost.
    package func loses(sentAt: Int64) -> Bool {
        fraction > 0 && SeededDraw.fraction(seed: seed, stream: .lostRows, index: Int(sentAt)) < fraction
    }

    /// `world` as the report endpoints serve it: without the lost messages.
    func served(_ world: World) -> World {
        guard fraction > 0 else { return world }
        return world.removing { loses(sentAt: $0.sentAt.microseconds) }
    }

    /// The messages of `arrivals` that are not lost.
    func served(_ arrivals: [WorldMessage]) -> [WorldMessage] {
        arrivals.filter { !loses(sentAt: $0.sentAt.microseconds) }
    }
}
