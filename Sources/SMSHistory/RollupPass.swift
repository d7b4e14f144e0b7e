import SMSAggregate
import SMSCore
import SMSStore

/// The one pass of ``DayRollupBuilder``: every delivery of the plan's days counted
/// into its day, its (day, operator, prefix, status) rollup and its (day, batch_id,
/// status) rollup, under integer keys.
struct RollupPass {
    /// What a delivery needs of its message, by message id.
    private struct MessageFacts {
        var segments: Int
        var isUCS2: Bool
        var exceedsCellLimit: Bool
    }

    private let firstDay: Int32
    /// The position of each day from the first plan day to the last in ``dayTotals``;
    /// -1 for a day the plan does not write.
    private let positionByDayOffset: [Int]
    private var dayTotals: [DayTotals]
    private let messages: [MessageFacts]
    private var operatorSlots = OperatorSlots()
    private var batchIDs = KeyInterner<String>()
    private var rawStatuses = KeyInterner<String>()
    /// Rollups by packed key (day position, slot, status); see ``packedKey``.
    private var operatorIndexByKey = RollupIndex()
    private var operatorRollups: [(key: Int, figures: RollupAccumulator)] = []
    private var batchIndexByKey = RollupIndex()
    private var batchRollups: [(key: Int, figures: RollupAccumulator)] = []
    private var currentInstant = Int64.min
    private var messageIDsAtCurrentInstant: [Int32] = []

    init(days: [LocalDay], firstDay: LocalDay, lastDay: LocalDay, messages: MessageCatalog) {
        self.firstDay = firstDay.daysSinceEpoch
        var positions = [Int](repeating: -1, count: Int(lastDay.daysSinceEpoch - firstDay.daysSinceEpoch) + 1)
        for (position, day) in days.enumerated() {
            positions[Int(day.daysSinceEpoch - firstDay.daysSinceEpoch)] = position
        }
        positionByDayOffset = positions
        dayTotals = Array(repeating: DayTotals(), count: days.count)
        self.messages = messages.entries.map {
            MessageFacts(segments: $0.segments, isUCS2: $0.encoding == .ucs2, exceedsCellLimit: $0.exceedsCellLimit)
        }
    }

    /// Counts `delivery`, sent on local day `day`; a delivery of a day outside the plan is skipped.
    mutating func add(_ delivery: Delivery, day: LocalDay) {
        let offset = Int(day.daysSinceEpoch - firstDay)
        guard offset >= 0, offset < positionByDayOffset.count else { return }
        let position = positionByDayOffset[offset]
        guard position >= 0 else { return }
        let message = messages[Int(delivery.messageID)]
        let status = delivery.status
        let sentAt = delivery.sentAt.microseconds
        let rawStatusID = rawStatuses.index(of: delivery.statusRaw)
        var latency = delivery.latencyMicroseconds
        if let value = latency, value < 0 {
            dayTotals[position].record(.negativeLatency)
            latency = nil
        }

        let slot = operatorSlots.id(prefix: delivery.prefix, operatorName: delivery.operatorName)
        let operatorIndex = Self.index(of: Self.packedKey(position, slot, status), in: &operatorIndexByKey, rollups: &operatorRollups)
        operatorRollups[operatorIndex].figures.add(segments: message.segments, isUCS2: message.isUCS2,
                                                   rawStatusID: rawStatusID, latency: latency, sentAt: sentAt)
        let batch = batchIDs.index(of: delivery.batchID)
        let batchIndex = Self.index(of: Self.packedKey(position, batch, status), in: &batchIndexByKey, rollups: &batchRollups)
        batchRollups[batchIndex].figures.add(segments: message.segments, isUCS2: message.isUCS2,
                                             rawStatusID: rawStatusID, latency: latency, sentAt: sentAt)

        dayTotals[position].deliveries += 1
        if !delivery.phoneIsValid { dayTotals[position].record(.invalidPhone) }
        if status == .unknown { dayTotals[position].record(.unknownStatus) }
        if delivery.hasStatusConflict { dayTotals[position].record(.statusConflict) }
        if message.exceedsCellLimit || Self.nameExceedsCellLimit(delivery.recipientName) {
            dayTotals[position].record(.truncatedText)
        }
        if countMessage(sentAt: sentAt, messageID: delivery.messageID) {
            dayTotals[position].messages += 1
        }
    }

    /// The counts of plan day `day`.
    func totals(of day: LocalDay) -> DayTotals {
        dayTotals[position(of: day)]
    }

    /// The (day, operator, prefix, status) rollups of `day`, by operator, prefix, then status.
    func operatorRollups(of day: LocalDay, account: String) -> [OperatorRollup] {
        let position = position(of: day)
        let rollups = operatorRollups.filter { Self.dayPosition(of: $0.key) == position }.map { entry in
            let pair = operatorSlots.pairs[Self.groupID(of: entry.key)]
            let figures = entry.figures
            return OperatorRollup(account: account, day: day, operatorName: pair.operatorName, prefix: pair.prefix,
                                  status: Self.status(of: entry.key), deliveries: figures.deliveries,
                                  gsm7Segments: figures.gsm7Segments, ucs2Segments: figures.ucs2Segments,
                                  rawValues: figures.rawValues(rawStatuses.keys), latency: figures.latencyRollup)
        }
        return rollups.sorted { left, right in
            if left.operatorName != right.operatorName { return Self.byteOrder(left.operatorName, right.operatorName) }
            if left.prefix != right.prefix { return Self.byteOrder(left.prefix, right.prefix) }
            return left.status.rawValue < right.status.rawValue
        }
    }

    /// The (day, batch_id, status) rollups of `day`, by batch id (empty last), then status.
    func batchRollups(of day: LocalDay, account: String) -> [BatchRollup] {
        let position = position(of: day)
        let rollups = batchRollups.filter { Self.dayPosition(of: $0.key) == position }.map { entry in
            let figures = entry.figures
            return BatchRollup(account: account, day: day, batchID: batchIDs.keys[Self.groupID(of: entry.key)],
                               status: Self.status(of: entry.key), deliveries: figures.deliveries,
                               gsm7Segments: figures.gsm7Segments, ucs2Segments: figures.ucs2Segments,
                               rawValues: figures.rawValues(rawStatuses.keys), latency: figures.latencyRollup,
                               firstSentAt: Instant(microseconds: figures.firstSentAt),
                               lastSentAt: Instant(microseconds: figures.lastSentAt))
        }
        return rollups.sorted { left, right in
            if left.batchID != right.batchID {
                if left.batchID.isEmpty != right.batchID.isEmpty { return right.batchID.isEmpty }
                return Self.byteOrder(left.batchID, right.batchID)
            }
            return left.status.rawValue < right.status.rawValue
        }
    }

    private func position(of day: LocalDay) -> Int {
        positionByDayOffset[Int(day.daysSinceEpoch - firstDay)]
    }

    /// Counts a new (`sent_at`, text) pair. Deliveries arrive ordered by `sent_at`, and
    /// one instant falls on one day, so only the texts of the current instant are kept.
    private mutating func countMessage(sentAt: Int64, messageID: Int32) -> Bool {
        if sentAt != currentInstant {
            currentInstant = sentAt
            messageIDsAtCurrentInstant.removeAll(keepingCapacity: true)
        }
        guard !messageIDsAtCurrentInstant.contains(messageID) else { return false }
        messageIDsAtCurrentInstant.append(messageID)
        return true
    }

    /// As the report's `truncated_text` check counts a recipient name (``GroupingPass``).
    private static func nameExceedsCellLimit(_ name: String?) -> Bool {
        guard let name else { return false }
        return name.utf8.count > MessageCatalog.cellCharacterLimit && name.unicodeScalars.count > MessageCatalog.cellCharacterLimit
    }

    /// The rollup at `key`, created when new.
    private static func index(of key: Int, in indexByKey: inout RollupIndex,
                              rollups: inout [(key: Int, figures: RollupAccumulator)]) -> Int {
        if let index = indexByKey.index(of: key) { return index }
        rollups.append((key, RollupAccumulator()))
        indexByKey.insert(key, at: rollups.count - 1)
        return rollups.count - 1
    }

    /// Day position in the high bits, the group's id in the middle, the status's ordinal in the low 8 bits.
    private static func packedKey(_ dayPosition: Int, _ groupID: Int32, _ status: DeliveryStatus) -> Int {
        dayPosition << 40 | Int(groupID) << 8 | status.ordinal
    }

    private static func dayPosition(of key: Int) -> Int { key >> 40 }
    private static func groupID(of key: Int) -> Int { (key >> 8) & 0xFFFF_FFFF }
    private static func status(of key: Int) -> DeliveryStatus { DeliveryStatus.allCases[key & 0xFF] }

    private static func byteOrder(_ left: String, _ right: String) -> Bool {
        left.utf8.lexicographicallyPrecedes(right.utf8)
    }
}
