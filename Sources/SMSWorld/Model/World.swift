/// A seeded synthetic world: every SMS message the gateway holds, as its API would
/// return them, and what the reports must make of them.
///
/// The same ``WorldParameters`` always make the same world, on every platform. The
/// world with quirks is the clean world of the same seed with some messages changed.
public struct World: Sendable {
    /// What the world was made from.
    public let parameters: WorldParameters
    /// Every message, oldest first; each has a unique `sent_at` instant.
    public let messages: [WorldMessage]
    /// Every batch, ordered by its first message.
    public let batches: [WorldBatch]
    /// The odd cases planted, all zero in a clean world.
    public let quirks: QuirkLedger

    /// Makes the world that `parameters` describe.
    public init(parameters: WorldParameters) {
        var generator = BaseWorldGenerator(parameters: parameters)
        var messages: [WorldMessage]
        let batchIDs: [String]
        (messages, batchIDs) = generator.generate()
        var quirks = QuirkLedger()
        var batchesWithoutReport: Set<String> = []
        if parameters.quirks {
            let planter = QuirkPlanter(messages: messages, batchIDs: batchIDs, parameters: parameters)
            // The planter now holds the only reference, so it changes the messages in place.
            messages = []
            (messages, quirks, batchesWithoutReport) = planter.plant()
            messages.sort { $0.sentAt.microseconds < $1.sentAt.microseconds }
        }
        self.parameters = parameters
        self.messages = messages
        self.quirks = quirks
        batches = Self.collectBatches(messages, withoutReport: batchesWithoutReport)
    }

    /// The number of deliveries: recipients over all messages. Equals
    /// ``WorldParameters/deliveries``.
    public var deliveryCount: Int {
        messages.reduce(0) { $0 + $1.recipients.count }
    }

    private static func collectBatches(_ messages: [WorldMessage], withoutReport: Set<String>) -> [WorldBatch] {
        var positions: [String: Int] = [:]
        var batches: [WorldBatch] = []
        for (index, message) in messages.enumerated() {
            guard let batchID = message.batchID else { continue }
            if let position = positions[batchID] {
                batches[position].messageIndices.append(index)
            } else {
                positions[batchID] = batches.count
                batches.append(WorldBatch(id: batchID, messageIndices: [index], hasReport: !withoutReport.contains(batchID)))
            }
        }
        return batches
    }
}
