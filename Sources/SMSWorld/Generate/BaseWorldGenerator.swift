/// Makes a clean world: batches of campaign messages and lone transactional messages,
/// spread over the world's days, with one unique `sent_at` per message.
struct BaseWorldGenerator {
    /// The share of deliveries sent in batches, in percent.
    static let batchSharePercent = 70

    private let parameters: WorldParameters
    private let factory: MessageFactory
    private var random: WorldRandom
    private var messages: [WorldMessage] = []
    private var batchIDs: [String] = []
    private var usedBatchIDs: Set<String> = []

    init(parameters: WorldParameters) {
        self.parameters = parameters
        factory = MessageFactory(parameters: parameters)
        random = WorldRandom(seed: parameters.seed, stream: 1)
    }

    /// The id of the batch that sends the Tihar greeting, in Devanagari.
    static let tiharBatchID = "तिहार-शुभकामना"

    /// The batch ids that need file-safe names: a slash and spaces, Devanagari, and a `%`.
    static func oddBatchIDs(endDay: CalendarDay) -> [String] {
        let month = String(endDay.description.prefix(7))
        return ["campaign/\(month) A", tiharBatchID, "bonus 100%"]
    }

    /// The messages, oldest first, and the batch ids in the order they were made.
    mutating func generate() -> (messages: [WorldMessage], batchIDs: [String]) {
        messages.reserveCapacity(parameters.deliveries * 9 / 10)
        let batchQuota = parameters.deliveries * Self.batchSharePercent / 100
        makeBatches(deliveries: batchQuota)
        makeLoneMessages(deliveries: parameters.deliveries - batchQuota)
        let madeMessages = messages
        messages = []
        return (Self.makeSentTimesUnique(madeMessages), batchIDs)
    }

    private mutating func makeBatches(deliveries quota: Int) {
        let largestBatch = max(5, quota / 4)
        var remaining = quota
        while remaining > 0 {
            let size = min(remaining, largestBatch, random.inRange(Distributions.batchDeliveries.draw(using: &random)))
            makeBatch(id: nextBatchID(), deliveries: size)
            remaining -= size
        }
    }

    private mutating func makeBatch(id: String, deliveries: Int) {
        batchIDs.append(id)
        let text = id == Self.tiharBatchID
            ? TextCatalog.tiharGreeting : random.element(of: TextCatalog.campaignTexts)
        let drawnProfile = Distributions.batchProfile.draw(using: &random)
        let profile = parameters.steadyRates ? .normal : drawnProfile
        let largestGap = random.inRange(Int64(2_000)...Int64(40_000))
        let longestBurst = Int64(deliveries) * largestGap
        var sentAt = randomSendTime()
        if sentAt + longestBurst >= parameters.windowEnd {
            sentAt = max(parameters.windowStart, parameters.windowEnd - longestBurst - 1_000_000)
        }
        var made = 0
        while made < deliveries {
            let count = min(Distributions.recipientCount.draw(using: &random), deliveries - made)
            let recipients = factory.recipients(count: count, using: &random)
            messages.append(factory.message(text: text, recipients: recipients, sentAt: sentAt, batchID: id,
                                            profile: profile, using: &random))
            made += count
            sentAt += random.inRange(Int64(1_000)...largestGap)
        }
    }

    private mutating func makeLoneMessages(deliveries quota: Int) {
        var made = 0
        while made < quota {
            let count = min(Distributions.recipientCount.draw(using: &random), quota - made)
            let recipients = factory.recipients(count: count, using: &random)
            let profile = parameters.steadyRates ? .normal : Self.loneMessageProfile(for: recipients[0].mobileOperator)
            let text = TextCatalog.transactionalText(using: &random)
            messages.append(factory.message(text: text, recipients: recipients, sentAt: randomSendTime(),
                                            batchID: nil, profile: profile, using: &random))
            made += count
        }
    }

    /// How a lone message fares: well on the two big networks, poorly elsewhere.
    private static func loneMessageProfile(for mobileOperator: MobileOperator) -> Distributions.StatusProfile {
        switch mobileOperator {
        case .ntc, .ncell: .normal
        case .smart, .utl, .other, .invalid: .poor
        }
    }

    /// The first batches get the odd ids; the others look like `881127472383-4566`.
    private mutating func nextBatchID() -> String {
        let oddIDs = Self.oddBatchIDs(endDay: parameters.endDay)
        if batchIDs.count < oddIDs.count {
            return oddIDs[batchIDs.count]
        }
        while true {
            let id = "\(random.inRange(Int64(870_000_000_000)...Int64(889_999_999_999)))-\(random.inRange(1000...9999))"
            if usedBatchIDs.insert(id).inserted {
                return id
            }
        }
    }

    /// A moment inside the world's days, busier by day than by night.
    private mutating func randomSendTime() -> Int64 {
        let day = parameters.firstDay.adding(days: random.below(parameters.days))
        let hour = Int64(Distributions.hourOfDay.draw(using: &random))
        return KathmanduTime.startOfDay(day) + hour * 3_600_000_000 + random.below(Int64(3_600_000_000))
    }

    /// The messages oldest first, each `sent_at` moved forward by the few microseconds
    /// that make it unique, with its `delivered_at` moved alike.
    private static func makeSentTimesUnique(_ messages: [WorldMessage]) -> [WorldMessage] {
        let order = messages.indices.sorted { lhs, rhs in
            (messages[lhs].sentAt.microseconds, lhs) < (messages[rhs].sentAt.microseconds, rhs)
        }
        var unique: [WorldMessage] = []
        unique.reserveCapacity(messages.count)
        var previous: Int64?
        for index in order {
            var message = messages[index]
            if let previous, message.sentAt.microseconds <= previous {
                message.shiftTimes(by: previous + 1 - message.sentAt.microseconds)
            }
            previous = message.sentAt.microseconds
            unique.append(message)
        }
        return unique
    }
}

extension WorldMessage {
    /// Moves `sent_at` and every `delivered_at` by `microseconds`, keeping the latency.
    mutating func shiftTimes(by microseconds: Int64) {
        sentAt.microseconds += microseconds
        reportRow.deliveredAt?.microseconds += microseconds
        batchReportRow.deliveredAt?.microseconds += microseconds
        batchIDsRow.deliveredAt?.microseconds += microseconds
        if let deliveredAt = outcome.deliveredAt {
            outcome.deliveredAt = deliveredAt + microseconds
        }
    }
}
