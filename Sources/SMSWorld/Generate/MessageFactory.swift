/// Makes the parts of one message: its recipients and the status its rows carry.
struct MessageFactory {
    /// Nothing is delivered later than this: a minute before the simulated fetch.
    let deliveredCutoff: Int64

    init(parameters: WorldParameters) {
        deliveredCutoff = parameters.fetchStarted.microseconds - 60_000_000
    }

    /// `count` recipients with distinct numbers, written as JSON numbers mostly and as
    /// 10-digit strings sometimes.
    func recipients(count: Int, using random: inout WorldRandom) -> [WorldRecipient] {
        var recipients: [WorldRecipient] = []
        recipients.reserveCapacity(count)
        while recipients.count < count {
            let mobileOperator = Distributions.mobileOperator.draw(using: &random)
            let prefix = Int64(random.element(of: mobileOperator.prefixes))
            let number = prefix * 10_000_000 + random.below(Int64(10_000_000))
            let digits = String(number)
            if recipients.contains(where: { $0.intendedNumber == digits }) {
                continue
            }
            let phone: PhoneAsSent = random.chance(7, in: 10) ? .number(number) : .text(digits)
            recipients.append(WorldRecipient(clientName: random.element(of: TextCatalog.clientNames), phone: phone,
                                             intendedNumber: digits, mobileOperator: mobileOperator))
        }
        return recipients
    }

    /// A message sent at `sentAt` whose status is drawn from `profile`, with every
    /// endpoint's row agreeing.
    func message(text: String, recipients: [WorldRecipient], sentAt: Int64, batchID: String?,
                 profile: Distributions.StatusProfile, using random: inout WorldRandom) -> WorldMessage {
        var status = profile.statuses.draw(using: &random)
        var deliveredAt: Int64?
        if status == .delivered {
            let range = Distributions.latencyMicroseconds.draw(using: &random)
            let candidate = sentAt + random.inRange(range)
            if candidate <= deliveredCutoff {
                deliveredAt = candidate
            } else {
                status = .sent
            }
        }
        let raw = Distributions.rawSpelling(of: status, using: &random)
        let deliveredTimestamp = deliveredAt.map { APITimestamp(microseconds: $0) }
        let reportRow = RowStatus(raw: raw, deliveredAt: deliveredTimestamp)
        let batchIDsRow = RowStatus(raw: Distributions.batchIDsStatus(of: status, raw: raw), deliveredAt: deliveredTimestamp)
        return WorldMessage(text: text, recipients: recipients, sentAt: APITimestamp(microseconds: sentAt),
                            batchID: batchID, reportRow: reportRow, batchReportRow: reportRow,
                            batchIDsRow: batchIDsRow, outcome: IntendedOutcome(status: status, deliveredAt: deliveredAt))
    }
}
