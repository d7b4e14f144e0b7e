/// A seeded synthetic world: every SMS message the gateway holds, as its API would
/// return them, and what the reports must make of them.
///
/// The same ``WorldParameters`` always make the same world, on every platform. The
/// world with quirks is the clean world of the same seed with some messages changed,
/// and a degraded world (``WorldParameters/degradation``) is the world of the same seed
/// with some of one operator's deliveries failed (and split off their messages).
package struct World: Sendable {
    /// What the world was made from.
    package let parameters: WorldParameters
    /// Every message, oldest first; each has a unique `sent_at` instant.
    package let messages: [WorldMessage]
    /// Every batch, ordered by its first message.
    package let batches: [WorldBatch]
    /// The odd cases planted, all zero in a clean world.
    package let quirks: QuirkLedger

    /// Makes the world that `parameters` describe.
    package init(parameters: WorldParameters) {
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
        }
        if let degradation = parameters.degradation {
            let pass = DegradationPass(degradation: degradation, messages: messages, seed: parameters.seed)
            messages = []
            messages = pass.apply()
        }
        if parameters.quirks || parameters.degradation != nil {
            messages.sort { $0.sentAt.microseconds < $1.sentAt.microseconds }
        }
        self.parameters = parameters
        self.messages = messages
        self.quirks = quirks
        batches = Self.collectBatches(messages, withoutReport: batchesWithoutReport)
    }

    /// The same world after `arrivals` reached the gateway, as when new messages arrive
    /// while a client reads the pages (the API simulator's shifting pages).
    ///
    /// Each arrival must be sent later than every message of the world, with a unique
    /// `sent_at`; they are kept oldest first like every message. An arrival may join an
    /// existing batch or start one (with a report). ``deliveryCount`` then exceeds
    /// ``WorldParameters/deliveries`` by the arrivals' recipients.
    package func adding(arrivals: [WorldMessage]) -> World {
        let combined = messages + arrivals.sorted { $0.sentAt.microseconds < $1.sentAt.microseconds }
        let withoutReport = Set(batches.lazy.filter { !$0.hasReport }.map(\.id))
        return World(parameters: parameters, messages: combined, quirks: quirks,
                     batches: Self.collectBatches(combined, withoutReport: withoutReport))
    }

    /// The same world with each message changed by `edit` (given its index), as the
    /// API simulator does to serve odd batch ids or texts. A renamed batch keeps
    /// whether it has a report; the messages must keep their order and `sent_at`.
    package func editing(_ edit: (Int, inout WorldMessage) -> Void) -> World {
        var edited = messages
        var withoutReport: Set<String> = []
        let oldWithoutReport = Set(batches.lazy.filter { !$0.hasReport }.map(\.id))
        for index in edited.indices {
            let oldBatchID = edited[index].batchID
            edit(index, &edited[index])
            if let oldBatchID, oldWithoutReport.contains(oldBatchID), let newBatchID = edited[index].batchID {
                withoutReport.insert(newBatchID)
            }
        }
        return World(parameters: parameters, messages: edited, quirks: quirks,
                     batches: Self.collectBatches(edited, withoutReport: withoutReport))
    }

    /// The same world without the messages that `isLost` picks, as a gateway that lost
    /// report rows serves it: they leave every batch, and a batch left with no message
    /// leaves the world. The others keep their order, and a batch keeps whether it has
    /// a report.
    package func removing(where isLost: (WorldMessage) -> Bool) -> World {
        let kept = messages.filter { !isLost($0) }
        guard kept.count < messages.count else { return self }
        let withoutReport = Set(batches.lazy.filter { !$0.hasReport }.map(\.id))
        return World(parameters: parameters, messages: kept, quirks: quirks,
                     batches: Self.collectBatches(kept, withoutReport: withoutReport))
    }

    private init(parameters: WorldParameters, messages: [WorldMessage], quirks: QuirkLedger, batches: [WorldBatch]) {
        self.parameters = parameters
        self.messages = messages
        self.quirks = quirks
        self.batches = batches
    }

    /// The number of deliveries: recipients over all messages. Equals
    /// ``WorldParameters/deliveries`` (until ``adding(arrivals:)``).
    package var deliveryCount: Int {
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
