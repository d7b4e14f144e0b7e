/// The grouping keys of the cube (contract §4).
struct CubeKey: Hashable {
    var day: LocalDay
    var batchID: String
    var operatorName: String
    var prefix: String
    var status: DeliveryStatus
}

/// Accumulates every group and check over the selected deliveries, visited in
/// deliveries order so that each check's example is the first one a reader meets,
/// and so that the deliveries of one instant come together (for counting messages).
struct GroupingPass {
    let messages: MessageCatalog
    var summary = GroupAccumulator()
    var byBatch: [String: GroupAccumulator] = [:]
    var byOperator: [String: GroupAccumulator] = [:]
    var byPrefix: [String: GroupAccumulator] = [:]
    var operatorByPrefix: [String: String] = [:]
    var byDay: [LocalDay: GroupAccumulator] = [:]
    var cube: [CubeKey: GroupAccumulator] = [:]
    var statusCounts = [Int](repeating: 0, count: DeliveryStatus.allCases.count)
    var rawValuesByStatus: [DeliveryStatus: Set<String>] = [:]
    var histogram = [Int](repeating: 0, count: LatencyBucket.allCases.count)
    /// Distinct (`sent_at`, text) pairs seen so far.
    var messageCount = 0
    private var currentInstant: Int64 = .min
    private var messageIDsAtCurrentInstant: [Int32] = []
    var batchIDs = Set<String>()
    var quality = DataQualityTally()
    var firstDay: LocalDay?
    var lastDay: LocalDay?

    init(messages: MessageCatalog) {
        self.messages = messages
    }

    mutating func add(_ delivery: Delivery, day: LocalDay, clock: inout LocalClock) {
        let rawLatency = delivery.latencyMicroseconds
        var latency: Int64?
        if let rawLatency {
            if rawLatency < 0 {
                quality.record(.negativeLatency, example: "\(clock.iso8601(delivery.sentAt)) \(delivery.phone) \(SecondsText.format(rawLatency)) s")
            } else {
                latency = rawLatency
                histogram[LatencyBucket.bucket(forLatency: rawLatency).rawValue] += 1
            }
        } else {
            histogram[LatencyBucket.notDelivered.rawValue] += 1
        }

        let status = delivery.status
        let sentAt = delivery.sentAt
        summary.add(status: status, latency: latency, sentAt: sentAt)
        byBatch[delivery.batchID, default: GroupAccumulator()].add(status: status, latency: latency, sentAt: sentAt)
        byOperator[delivery.operatorName, default: GroupAccumulator()].add(status: status, latency: latency, sentAt: sentAt)
        byPrefix[delivery.prefix, default: GroupAccumulator()].add(status: status, latency: latency, sentAt: sentAt)
        operatorByPrefix[delivery.prefix] = delivery.operatorName
        byDay[day, default: GroupAccumulator()].add(status: status, latency: latency, sentAt: sentAt)
        let cubeKey = CubeKey(day: day, batchID: delivery.batchID, operatorName: delivery.operatorName,
                              prefix: delivery.prefix, status: status)
        cube[cubeKey, default: GroupAccumulator()].add(status: status, latency: latency, sentAt: sentAt)

        statusCounts[status.ordinal] += 1
        rawValuesByStatus[status, default: []].insert(delivery.statusRaw)
        countMessage(sentAt: sentAt.microseconds, messageID: delivery.messageID)
        if !delivery.batchID.isEmpty {
            batchIDs.insert(delivery.batchID)
        }
        if firstDay.map({ day < $0 }) ?? true { firstDay = day }
        if lastDay.map({ day > $0 }) ?? true { lastDay = day }

        if !delivery.phoneIsValid {
            quality.record(.invalidPhone, example: delivery.phone)
        }
        if status == .unknown {
            quality.record(.unknownStatus, example: delivery.statusRaw)
        }
        if delivery.hasStatusConflict {
            quality.record(.statusConflict, example: "\(clock.iso8601(sentAt)) \(delivery.phone)")
        }
        let nameTooLong = (delivery.recipientName?.unicodeScalars.count ?? 0) > MessageCatalog.cellCharacterLimit
        if messages[delivery.messageID].exceedsCellLimit || nameTooLong {
            quality.record(.truncatedText, example: "\(clock.iso8601(sentAt)) \(delivery.phone)")
        }
    }

    /// Counts a new (`sent_at`, text) pair. Deliveries arrive ordered by `sent_at`, so
    /// only the texts of the current instant need remembering.
    private mutating func countMessage(sentAt: Int64, messageID: Int32) {
        if sentAt != currentInstant {
            currentInstant = sentAt
            messageIDsAtCurrentInstant.removeAll(keepingCapacity: true)
        }
        if !messageIDsAtCurrentInstant.contains(messageID) {
            messageIDsAtCurrentInstant.append(messageID)
            messageCount += 1
        }
    }
}
