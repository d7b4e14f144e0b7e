/// Lowers one operator's delivered share from a given day on (``OperatorDegradation``),
/// after the quirks are planted, drawing from a random stream of its own so that the
/// base world and its quirks are those of the same seed without the degradation.
///
/// A row carries one status for all its recipients, so a message whose degraded
/// recipients fail while others stay delivered is split: the failing recipients move
/// to a copy of the message (same text and batch) sent a microsecond or so later, on
/// the same day. Messages whose rows disagree on purpose (a planted status conflict, a
/// final code only in `/api/batch-ids`, a negative latency) are left as they are.
struct DegradationPass {
    private let degradation: OperatorDegradation
    private var random: WorldRandom
    private var messages: [WorldMessage]
    private var takenInstants: Set<Int64> = []

    init(degradation: OperatorDegradation, messages: [WorldMessage], seed: UInt64) {
        self.degradation = degradation
        self.messages = messages
        random = WorldRandom(seed: seed, stream: 3)
    }

    /// The messages after the degradation, not sorted: split-off copies come last.
    consuming func apply() -> [WorldMessage] {
        let from = KathmanduTime.startOfDay(degradation.fromDay)
        var deliveries: Int64 = 0
        var fixedDelivered: Int64 = 0
        var eligibleDelivered: Int64 = 0
        for message in messages where message.sentAt.microseconds >= from {
            let count = Int64(message.recipients.count(where: { $0.mobileOperator == degradation.mobileOperator }))
            deliveries += count
            if message.outcome.status == .delivered {
                if Self.canFail(message) {
                    eligibleDelivered += count
                } else {
                    fixedDelivered += count
                }
            }
        }
        // Each eligible delivered delivery stays delivered with probability keepTarget / eligibleRange.
        let denominator = OperatorDegradation.shareDenominator
        let keepTarget = degradation.deliveredShareMillionths * deliveries - denominator * fixedDelivered
        let eligibleRange = denominator * eligibleDelivered
        guard eligibleDelivered > 0, keepTarget < eligibleRange else { return messages }
        for index in messages.indices
        where messages[index].sentAt.microseconds >= from && Self.canFail(messages[index]) {
            var failing: [Int] = []
            for (recipientIndex, recipient) in messages[index].recipients.enumerated()
            where recipient.mobileOperator == degradation.mobileOperator && random.below(eligibleRange) >= keepTarget {
                failing.append(recipientIndex)
            }
            if !failing.isEmpty {
                fail(recipientsAt: failing, ofMessageAt: index)
            }
        }
        return messages
    }

    /// True for a delivered message whose rows agree, so that failing it plants no new conflict.
    private static func canFail(_ message: WorldMessage) -> Bool {
        guard message.outcome.status == .delivered, let deliveredAt = message.outcome.deliveredAt else { return false }
        return message.reportRow == message.batchReportRow && message.reportRow.deliveredAt != nil
            && deliveredAt >= message.sentAt.microseconds
    }

    private mutating func fail(recipientsAt failing: [Int], ofMessageAt index: Int) {
        let status: IntendedStatus = random.chance(2, in: 3) ? .undeliverable : .failed
        let raw = Distributions.rawSpelling(of: status, using: &random)
        let row = RowStatus(raw: raw, deliveredAt: nil)
        let batchIDsRow = RowStatus(raw: Distributions.batchIDsStatus(of: status, raw: raw), deliveredAt: nil)
        let outcome = IntendedOutcome(status: status, deliveredAt: nil)
        if failing.count == messages[index].recipients.count {
            messages[index].reportRow = row
            messages[index].batchReportRow = row
            messages[index].batchIDsRow = batchIDsRow
            messages[index].outcome = outcome
            return
        }
        let original = messages[index]
        let failingSet = Set(failing)
        messages[index].recipients = original.recipients.indices.filter { !failingSet.contains($0) }
            .map { original.recipients[$0] }
        messages.append(WorldMessage(text: original.text, recipients: failing.map { original.recipients[$0] },
                                     sentAt: APITimestamp(microseconds: freeInstant(near: original.sentAt.microseconds)),
                                     batchID: original.batchID, reportRow: row, batchReportRow: row,
                                     batchIDsRow: batchIDsRow, outcome: outcome))
    }

    /// The first instant after `instant` (else before it) on the same Kathmandu day that
    /// no message is sent at.
    private mutating func freeInstant(near instant: Int64) -> Int64 {
        if takenInstants.isEmpty {
            takenInstants = Set(messages.map(\.sentAt.microseconds))
        }
        let day = KathmanduTime.dayNumber(of: instant)
        var candidate = instant + 1
        while takenInstants.contains(candidate) {
            candidate += 1
        }
        if KathmanduTime.dayNumber(of: candidate) != day {
            candidate = instant - 1
            while takenInstants.contains(candidate) {
                candidate -= 1
            }
        }
        takenInstants.insert(candidate)
        return candidate
    }
}
