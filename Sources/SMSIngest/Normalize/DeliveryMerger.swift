import SMSCore
import SnapshotFormat

/// Turns parsed report rows into deliveries (contract §3): one delivery per key,
/// statuses by precedence, batches from batch reports and then batch-ids.
///
/// Files must be added in snapshot order, pages first, then batch reports, so that
/// "the row read first" is well defined and the result never depends on scheduling;
/// the rows of `batch-ids.json` are applied last, by ``finish(manifest:batchIDs:)``.
package struct DeliveryMerger {
    /// Where a report row came from, for telling repeats from corroboration.
    package enum Source {
        case page
        case batchReport(id: String)

        package var mask: UInt8 {
            switch self {
            case .page: return 1
            case .batchReport: return 2
            }
        }
    }

    /// The operator table that names each valid phone's operator.
    private let operators: OperatorTable
    package private(set) var deliveries: [Delivery] = []
    package private(set) var messages = MessageCatalog()
    package private(set) var checks = FetchChecks()
    private var indexByKey: DeliveryIndex
    /// Invalid phones by their bytes (as received, so two spellings are two phones).
    private var invalidPhoneKeys: [ByteString: Int64] = [:]
    /// The keys of the file being added (kept to reuse its memory).
    private var fileKeys: [DeliveryKey] = []
    private var sourcesSeen: [UInt8] = []
    private var distinctPageRows = 0
    private var lastPage: ParsedFile?
    private var batchesWithReport = Set<String>()
    private var batchesWithErrorBody = Set<String>()

    /// A merger for about `expectedDeliveries` deliveries (a hint for reserving memory),
    /// naming operators from `operators`.
    package init(expectedDeliveries: Int = 0, operators: OperatorTable) {
        self.operators = operators
        indexByKey = DeliveryIndex(expected: expectedDeliveries)
        deliveries.reserveCapacity(expectedDeliveries)
        HugePages.advise(capacityOf: &deliveries)
        sourcesSeen.reserveCapacity(expectedDeliveries)
    }

    /// Reserves memory for about `expectedDeliveries` deliveries in all, when the first
    /// files give a better estimate than the one the merger was made with: growing past
    /// a reservation copies every delivery so far (a GB at ten million, briefly held
    /// twice) and places the index's keys again.
    package mutating func reserve(expectedDeliveries: Int) {
        deliveries.reserveCapacity(expectedDeliveries)
        HugePages.advise(capacityOf: &deliveries)
        sourcesSeen.reserveCapacity(expectedDeliveries)
        indexByKey.reserve(expectedDeliveries)
    }

    /// Adds the rows of a page or a batch report.
    package mutating func add(_ file: ParsedFile, from source: Source) {
        if case .batchReport(let id) = source {
            if file.isErrorBody {
                batchesWithErrorBody.insert(id)
                return
            }
            batchesWithReport.insert(id)
        }
        let messageIDs = file.texts.map { messages.intern($0) }
        let invalidPhoneKeys = file.invalidPhones.map { invalidPhoneKey($0) }
        let records = file.recipients
        fileKeys.removeAll(keepingCapacity: true)
        for record in records {
            fileKeys.append(DeliveryKey(sentAt: record.sentAt.microseconds, messageID: messageIDs[Int(record.textIndex)],
                                        phone: record.phoneIsValid ? record.phone : invalidPhoneKeys[Int(-1 - record.phone)]))
        }
        indexByKey.prefetch(fileKeys)
        var repeatedRows = 0
        var start = 0
        while start < records.count {
            var end = start + 1
            while end < records.count, records[end].rowIndex == records[start].rowIndex {
                end += 1
            }
            var everyRecipientRepeated = true
            for index in start..<end where !add(records[index], of: file, key: fileKeys[index], from: source) {
                everyRecipientRepeated = false
            }
            if everyRecipientRepeated {
                repeatedRows += 1
                if checks.duplicateRows == 0 {
                    checks.duplicateRowsExample = "\(file.path) row \(records[start].rowIndex)"
                }
                checks.duplicateRows += 1
            }
            start = end
        }
        if case .page = source {
            distinctPageRows += file.rowCount - repeatedRows
            lastPage = file
            if let literal = file.pageCountOutOfRange {
                checks.countsOutOfRange.append("\(file.path): count \(literal) is not a whole number from 0 to \(Int.max)")
            }
        }
    }

    /// Adds one recipient of `file`; returns true when the same source had already given it.
    private mutating func add(_ record: ReportRecipientRecord, of file: ParsedFile, key: DeliveryKey, from source: Source) -> Bool {
        guard let existing = indexByKey.indexOrAdd(key) else {
            sourcesSeen.append(source.mask)
            deliveries.append(makeDelivery(record, of: file, messageID: key.messageID, source: source))
            return false
        }
        let index = Int(existing)
        let repeated = sourcesSeen[index] & source.mask != 0
        sourcesSeen[index] |= source.mask
        Self.merge(record, of: file, into: &deliveries[index], source: source)
        return repeated
    }

    /// The phone part of a key for an invalid phone (a valid one's is its number): a
    /// negative id of the text.
    private mutating func invalidPhoneKey(_ text: String) -> Int64 {
        let bytes = ByteString(text)
        if let key = invalidPhoneKeys[bytes] {
            return key
        }
        let key = -Int64(invalidPhoneKeys.count) - 1
        invalidPhoneKeys[bytes] = key
        return key
    }

    private func makeDelivery(_ record: ReportRecipientRecord, of file: ParsedFile, messageID: Int32, source: Source) -> Delivery {
        let batchID: String
        if case .batchReport(let id) = source {
            batchID = id
        } else {
            batchID = ""
        }
        let status = file.status(of: record)
        return Delivery(
            sentAt: record.sentAt, deliveredAt: record.deliveredAt,
            phone: file.phoneText(of: record), phoneIsValid: record.phoneIsValid,
            operatorName: record.phoneIsValid
                ? operators.operatorName(forPrefixNumber: Int(record.phone / 10_000_000)) : OperatorTable.invalid,
            status: status.status, statusRaw: status.raw, messageID: messageID,
            recipientName: file.name(of: record), batchID: batchID, hasStatusConflict: false)
    }

    /// Static, so that updating one delivery in place never copies `self` (and with it
    /// the whole array of deliveries).
    private static func merge(_ record: ReportRecipientRecord, of file: ParsedFile, into delivery: inout Delivery, source: Source) {
        if case .batchReport(let id) = source, delivery.batchID.isEmpty {
            delivery.batchID = id
        }
        if delivery.recipientName == nil {
            delivery.recipientName = file.name(of: record)
        }
        let status = file.status(of: record)
        applyStatus(status.status, raw: status.raw, deliveredAt: record.deliveredAt, to: &delivery)
    }

    /// Status precedence (contract §3): a later row's status replaces the delivery's,
    /// with its raw text and delivery time, or marks a conflict, or is left aside.
    private static func applyStatus(_ status: DeliveryStatus, raw: String, deliveredAt: Instant?, to delivery: inout Delivery) {
        switch StatusPrecedence.compare(current: delivery.status, incoming: status) {
        case .takeIncoming:
            delivery.status = status
            delivery.statusRaw = raw
            delivery.deliveredAt = deliveredAt
        case .conflict:
            delivery.hasStatusConflict = true
        case .keepCurrent:
            break
        }
    }

    /// Applies the rows of `batch-ids.json` (nil when the snapshot has none), counts the
    /// fetch checks and returns the deliveries.
    package mutating func finish(manifest: Manifest?, batchIDs: BatchIDLookup?) -> NormalizedSnapshot {
        if let batchIDs {
            apply(batchIDs)
        }
        countMissingBatchReports(batchIDs: batchIDs?.batchIDs ?? [], skipped: Set(manifest?.skippedBatches ?? []))
        countMismatch(pagingStoppedEarly: manifest?.pagingStoppedEarly ?? false)
        countFailedRequests(manifest?.requests ?? [])
        return NormalizedSnapshot(deliveries: deliveries, messages: messages, fetchChecks: checks)
    }

    /// A batch-ids row matches every delivery sent at the same instant: it gives a
    /// batch to those without one and takes part in status precedence, row by row in
    /// file order.
    private mutating func apply(_ batchIDs: BatchIDLookup) {
        guard !batchIDs.isEmpty else { return }
        var hint = BatchIDLookup.SearchHint()
        for index in deliveries.indices {
            batchIDs.forEachRow(sentAt: deliveries[index].sentAt.microseconds, hint: &hint) { row in
                Self.apply(row, to: &deliveries[index])
            }
        }
    }

    /// Static, like ``merge(_:of:into:source:)``, so that no copy of `self` is made.
    private static func apply(_ row: BatchIDRecord, to delivery: inout Delivery) {
        if delivery.batchID.isEmpty, !row.batchID.isEmpty {
            delivery.batchID = row.batchID
        }
        applyStatus(row.status, raw: row.statusRaw, deliveredAt: row.deliveredAt, to: &delivery)
    }

    private mutating func countMissingBatchReports(batchIDs: Set<String>, skipped: Set<String>) {
        let missing = batchIDs.union(batchesWithErrorBody).subtracting(batchesWithReport).subtracting(skipped).sorted()
        checks.missingBatchReports = missing.count
        checks.missingBatchReportsExample = missing.first ?? ""
    }

    private mutating func countMismatch(pagingStoppedEarly: Bool) {
        guard !pagingStoppedEarly, let lastPage, let count = lastPage.pageCount else { return }
        checks.countMismatch = abs(count - distinctPageRows)
        if checks.countMismatch > 0 {
            checks.countMismatchExample = "\(lastPage.path) count \(count), distinct rows read \(distinctPageRows)"
        }
    }

    private mutating func countFailedRequests(_ requests: [Manifest.Request]) {
        let failed = requests.filter { $0.error != nil }
        checks.failedRequests = failed.count
        if let first = failed.first {
            checks.failedRequestsExample = "\(first.path): \(first.error ?? "")"
        }
    }
}
