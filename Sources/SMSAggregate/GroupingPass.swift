import SMSCore

/// The grouping keys of the cube (contract §4), as indices into the other groupings.
package struct CubeKey: Hashable {
    package var day: Int32
    package var batch: Int32
    package var operatorIndex: Int32
    package var prefix: Int32
    package var status: DeliveryStatus
}

/// The groups one latency belongs to, kept until every latency is known.
private struct LatencyOwner {
    var latency: Int64
    var batch: Int32
    var operatorIndex: Int32
    var prefix: Int32
    var day: Int32
    var cube: Int32
}

/// Accumulates every group and check over the selected deliveries, visited in
/// deliveries order so that each check's example is the first one a reader meets,
/// and so that the deliveries of one instant come together (for counting messages).
///
/// Latencies are collected with the groups they belong to and sorted once at the
/// end; handed to the groups in ascending order, with each group's count known
/// beforehand, every percentile is picked as it passes (``LatencyStream``), so no
/// group keeps a list of latencies.
package struct GroupingPass {
    package let messages: MessageCatalog
    package var summary = GroupAccumulator()
    package var batches = GroupTable<String>()
    package var operators = GroupTable<String>()
    package var prefixes = GroupTable<String>()
    package var operatorByPrefix: [String: String] = [:]
    package var days = GroupTable<LocalDay>()
    package var cube = GroupTable<CubeKey>()
    package var statusCounts = [Int](repeating: 0, count: DeliveryStatus.allCases.count)
    package var rawValuesByStatus: [DeliveryStatus: Set<String>] = [:]
    package var histogram = [Int](repeating: 0, count: LatencyBucket.allCases.count)
    package var quality = DataQualityTally()
    package var firstDay: LocalDay?
    package var lastDay: LocalDay?
    /// Distinct (`sent_at`, text) pairs seen so far.
    package var messageCount = 0
    private var currentInstant: Int64 = .min
    private var messageIDsAtCurrentInstant: [Int32] = []
    private var latencyOwners: [LatencyOwner] = []
    /// The raw value last added to ``rawValuesByStatus`` for each status, by ordinal.
    private var lastRawValueByStatus = [String?](repeating: nil, count: DeliveryStatus.allCases.count)

    /// A pass over about `expectedDeliveries` deliveries of `messages`' texts. The
    /// hint reserves the latencies' list at once: grown by doubling, at ten million
    /// deliveries it was copied several times over and its fresh pages faulted in twice.
    package init(messages: MessageCatalog, expectedDeliveries: Int) {
        self.messages = messages
        latencyOwners.reserveCapacity(expectedDeliveries)
    }

    package mutating func add(_ delivery: borrowing Delivery, day: LocalDay, clock: inout LocalClock) {
        let status = delivery.status
        let sentAt = delivery.sentAt
        let batch = batches.index(of: delivery.batchID)
        let operatorIndex = operators.index(of: delivery.operatorName)
        let prefixText = delivery.prefix
        let prefixCount = prefixes.count
        let prefix = prefixes.index(of: prefixText)
        let dayIndex = days.index(of: day)
        let cubeIndex = cube.index(of: CubeKey(day: dayIndex, batch: batch, operatorIndex: operatorIndex,
                                               prefix: prefix, status: status))
        if prefixes.count > prefixCount {
            // The operator follows from the prefix (the operator table), so it is
            // recorded when the prefix is first met.
            operatorByPrefix[prefixText] = delivery.operatorName
        }
        summary.add(status: status, sentAt: sentAt)
        batches.add(at: batch, status: status, sentAt: sentAt)
        operators.add(at: operatorIndex, status: status, sentAt: sentAt)
        prefixes.add(at: prefix, status: status, sentAt: sentAt)
        days.add(at: dayIndex, status: status, sentAt: sentAt)
        cube.add(at: cubeIndex, status: status, sentAt: sentAt)

        if let latency = delivery.latencyMicroseconds {
            if latency < 0 {
                quality.record(.negativeLatency, example: "\(clock.iso8601(sentAt)) \(delivery.phone) \(SecondsText.format(latency)) s")
            } else {
                histogram[LatencyBucket.bucket(forLatency: latency).rawValue] += 1
                latencyOwners.append(LatencyOwner(latency: latency, batch: batch, operatorIndex: operatorIndex,
                                                  prefix: prefix, day: dayIndex, cube: cubeIndex))
            }
        } else {
            histogram[LatencyBucket.notDelivered.rawValue] += 1
        }

        statusCounts[status.ordinal] += 1
        if lastRawValueByStatus[status.ordinal] != delivery.statusRaw {
            // A status has a handful of raw values: most deliveries repeat the last one.
            rawValuesByStatus[status, default: []].insert(delivery.statusRaw)
            lastRawValueByStatus[status.ordinal] = delivery.statusRaw
        }
        countMessage(sentAt: sentAt.microseconds, messageID: delivery.messageID)
        if firstDay.map({ day < $0 }) ?? true { firstDay = day }
        if lastDay.map({ day > $0 }) ?? true { lastDay = day }
        recordChecks(delivery, clock: &clock)
    }

    /// Hands every latency to its groups in ascending order. Call once, after the last ``add(_:day:clock:)``.
    package mutating func distributeLatencies() {
        for owner in latencyOwners {
            summary.expectLatency()
            batches.expectLatency(at: owner.batch)
            operators.expectLatency(at: owner.operatorIndex)
            prefixes.expectLatency(at: owner.prefix)
            days.expectLatency(at: owner.day)
            cube.expectLatency(at: owner.cube)
        }
        // Latencies here are never negative (those are counted as a check instead).
        radixSort(&latencyOwners) { UInt64($0.latency) }
        for owner in latencyOwners {
            summary.addLatency(owner.latency)
            batches.addLatency(owner.latency, at: owner.batch)
            operators.addLatency(owner.latency, at: owner.operatorIndex)
            prefixes.addLatency(owner.latency, at: owner.prefix)
            days.addLatency(owner.latency, at: owner.day)
            cube.addLatency(owner.latency, at: owner.cube)
        }
        latencyOwners = []
    }

    private mutating func recordChecks(_ delivery: borrowing Delivery, clock: inout LocalClock) {
        if !delivery.phoneIsValid {
            quality.record(.invalidPhone, example: delivery.phone)
        }
        if delivery.status == .unknown {
            quality.record(.unknownStatus, example: delivery.statusRaw)
        }
        if delivery.hasStatusConflict {
            quality.record(.statusConflict, example: "\(clock.iso8601(delivery.sentAt)) \(delivery.phone)")
        }
        // A text never has more characters than UTF-8 bytes, so most names need no count.
        var nameTooLong = false
        if let name = delivery.recipientName, name.utf8.count > MessageCatalog.cellCharacterLimit {
            nameTooLong = name.unicodeScalars.count > MessageCatalog.cellCharacterLimit
        }
        if messages.exceedsCellLimit(at: delivery.messageID) || nameTooLong {
            quality.record(.truncatedText, example: "\(clock.iso8601(delivery.sentAt)) \(delivery.phone)")
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
