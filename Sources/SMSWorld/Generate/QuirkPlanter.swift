import SMSCore


/// Plants the odd cases of ``Quirk`` into a clean world, each on messages of its own.
///
/// The planter draws from its own random stream, so a world with quirks is the clean
/// world of the same seed with some messages changed: the same deliveries, the same
/// messages, the same batches.
struct QuirkPlanter {
    private var messages: [WorldMessage]
    private let batchIDs: [String]
    private let oddBatchIDs: Set<String>
    private var random: WorldRandom
    private var touched: Set<Int> = []
    private var sentTimes: Set<Int64>
    private var ledger = QuirkLedger()
    private var batchesWithoutReport: Set<String> = []

    init(messages: [WorldMessage], batchIDs: [String], parameters: WorldParameters) {
        self.messages = messages
        self.batchIDs = batchIDs
        oddBatchIDs = Set(BaseWorldGenerator.oddBatchIDs(endDay: parameters.endDay))
        random = WorldRandom(seed: parameters.seed, stream: 2)
        sentTimes = Set(messages.map(\.sentAt.microseconds))
    }

    /// The changed messages (no longer sorted), what was planted, and the batches that
    /// have no batch report. The planter is used up, so the messages are not copied.
    consuming func plant() -> (messages: [WorldMessage], ledger: QuirkLedger, batchesWithoutReport: Set<String>) {
        let count = messages.count
        if count > 0 {
            plantBatchQuirks()
            plantPhoneQuirks(perQuirk: max(1, count / 500), invalidPerQuirk: max(1, count / 2000))
            repeatPlanting(max(1, count / 100)) { $0.plantNullClientName() }
            plantTimestampQuirks(perQuirk: max(1, count / 500))
            repeatPlanting(max(1, count / 2000)) { $0.plantNegativeLatency() }
            repeatPlanting(max(1, count / 5000)) { $0.plantUnknownStatus() }
            plantTextQuirks(perText: max(1, count / 200_000))
        }
        if count >= 2 {
            ledger.record(.pageShift)
        }
        return (messages, ledger, batchesWithoutReport)
    }

    // MARK: - Batches and status precedence

    private mutating func plantBatchQuirks() {
        let plainBatchIDs = batchIDs.filter { !oddBatchIDs.contains($0) }
        if batchIDs.count >= 2, !plainBatchIDs.isEmpty {
            batchesWithoutReport.insert(random.element(of: plainBatchIDs))
            ledger.record(.missingBatchReport)
        }
        let withoutReport = batchesWithoutReport
        let isDeliveredInReportedBatch = { (message: WorldMessage) in
            message.outcome.status == .delivered && message.batchID.map { !withoutReport.contains($0) } == true
        }
        if let index = pickMessage(where: { isDeliveredInReportedBatch($0) && $0.recipients.count == 1 }) {
            messages[index].batchReportRow = RowStatus(raw: "UNDELIVERABLE", deliveredAt: nil)
            ledger.record(.statusConflict)
        }
        if let index = pickMessage(where: { isDeliveredInReportedBatch($0) && $0.recipients.count >= 2 })
            ?? pickMessage(where: isDeliveredInReportedBatch) {
            let notYetDelivered = RowStatus(raw: "SENT", deliveredAt: nil)
            messages[index].reportRow = notYetDelivered
            messages[index].batchReportRow = notYetDelivered
            messages[index].batchIDsRow.raw = "1"
            ledger.record(.batchIDsFinalCode)
        }
    }

    // MARK: - Phones and names

    private mutating func plantPhoneQuirks(perQuirk: Int, invalidPerQuirk: Int) {
        let rewrites: [(Quirk, (String) -> String)] = [
            (.phoneWithCountryCodeAndDashes, { "+977-\($0.prefix(3))-\($0.dropFirst(3))" }),
            (.phoneWithCountryCodeAndSpace, { "977 \($0)" }),
            (.phoneWithTrunkZero, { "0\($0)" }),
            (.phoneInDevanagariDigits, { TextCatalog.devanagariDigits(of: $0) }),
        ]
        for (quirk, rewrite) in rewrites {
            repeatPlanting(perQuirk) {
                $0.rewritePhone(as: quirk) { recipient, _ in
                    recipient.intendedNumber.map { PhoneAsSent.text(rewrite($0)) } ?? recipient.phone
                }
            }
        }
        let invalidPhones: [(Quirk, (inout WorldRandom) -> PhoneAsSent)] = [
            (.phoneTooShort, { _ in .text("12345") }),
            (.phoneForeign, { _ in .text("+1 555 0100") }),
            (.phoneNumberTooShort, { .number(980_000_000 + $0.below(Int64(10_000_000))) }),
        ]
        for (quirk, makePhone) in invalidPhones {
            repeatPlanting(invalidPerQuirk) {
                $0.rewritePhone(as: quirk, invalidating: true) { _, random in makePhone(&random) }
            }
        }
    }

    private mutating func rewritePhone(as quirk: Quirk, invalidating: Bool = false,
                                       _ makePhone: (WorldRecipient, inout WorldRandom) -> PhoneAsSent) -> Bool {
        guard let index = pickMessage(where: { _ in true }) else { return false }
        let recipientIndex = random.below(messages[index].recipients.count)
        var recipient = messages[index].recipients[recipientIndex]
        recipient.phone = makePhone(recipient, &random)
        if invalidating {
            recipient.intendedNumber = nil
            recipient.mobileOperator = .invalid
        }
        messages[index].recipients[recipientIndex] = recipient
        ledger.record(quirk)
        return true
    }

    private mutating func plantNullClientName() -> Bool {
        guard let index = pickMessage(where: { _ in true }) else { return false }
        let recipientIndex = random.below(messages[index].recipients.count)
        messages[index].recipients[recipientIndex].clientName = nil
        ledger.record(.nullClientName)
        return true
    }

    // MARK: - Timestamps and statuses

    private mutating func plantTimestampQuirks(perQuirk: Int) {
        let styles: [(Quirk, TimestampStyle)] = [
            (.timestampWholeSeconds, TimestampStyle(fractionDigits: .none, offset: .kathmandu)),
            (.timestampMilliseconds, TimestampStyle(fractionDigits: .milliseconds, offset: .kathmandu)),
            (.timestampZulu, TimestampStyle(fractionDigits: .microseconds, offset: .zulu)),
            (.timestampUTCOffset, TimestampStyle(fractionDigits: .microseconds, offset: .utcNumeric)),
        ]
        for (quirk, style) in styles {
            repeatPlanting(perQuirk) { $0.restyleTimestamps(as: style, quirk: quirk) }
        }
    }

    /// Writes a message's report-row timestamps in `style`: `sent_at` is cut down to the
    /// style's precision (when that keeps it unique) and `delivered_at` rounded up, so
    /// the latency stays non-negative.
    private mutating func restyleTimestamps(as style: TimestampStyle, quirk: Quirk) -> Bool {
        guard let index = pickMessage(where: { _ in true }) else { return false }
        var message = messages[index]
        let step = style.fractionDigits.stepMicroseconds
        let oldSentAt = message.sentAt.microseconds
        let newSentAt = CivilCalendar.floorDivide(oldSentAt, step) * step
        guard newSentAt == oldSentAt || !sentTimes.contains(newSentAt) else { return false }
        sentTimes.remove(oldSentAt)
        sentTimes.insert(newSentAt)
        message.sentAt = APITimestamp(microseconds: newSentAt, style: style)
        if let deliveredAt = message.outcome.deliveredAt {
            let roundedUp = CivilCalendar.floorDivide(deliveredAt + step - 1, step) * step
            message.setDelivered(at: roundedUp)
            message.reportRow.deliveredAt?.style = style
            message.batchReportRow.deliveredAt?.style = style
        }
        messages[index] = message
        ledger.record(quirk)
        return true
    }

    private mutating func plantNegativeLatency() -> Bool {
        guard let index = pickMessage(where: { $0.outcome.status == .delivered }) else { return false }
        let early = random.inRange(Int64(1_000_000)...Int64(5_999_999))
        messages[index].setDelivered(at: messages[index].sentAt.microseconds - early)
        ledger.record(.negativeLatency)
        return true
    }

    private mutating func plantUnknownStatus() -> Bool {
        guard let index = pickMessage(where: { _ in true }) else { return false }
        let weird = RowStatus(raw: "WEIRD", deliveredAt: nil)
        messages[index].reportRow = weird
        messages[index].batchReportRow = weird
        messages[index].batchIDsRow = weird
        messages[index].outcome = IntendedOutcome(status: .unknown, deliveredAt: nil)
        ledger.record(.unknownStatus)
        return true
    }

    // MARK: - Texts

    private mutating func plantTextQuirks(perText: Int) {
        let texts: [(Quirk, [String])] = [
            (.formulaText, TextCatalog.formulaTexts),
            (.htmlText, TextCatalog.htmlTexts),
            (.controlCharacterText, TextCatalog.controlCharacterTexts),
        ]
        for (quirk, variants) in texts {
            for text in variants {
                repeatPlanting(perText) { $0.replaceText(with: text, quirk: quirk) }
            }
        }
        _ = replaceText(with: TextCatalog.oversizedText, quirk: .oversizedText)
    }

    private mutating func replaceText(with text: String, quirk: Quirk) -> Bool {
        guard let index = pickMessage(where: { _ in true }) else { return false }
        messages[index].text = text
        ledger.record(quirk)
        return true
    }

    // MARK: - Choosing messages

    /// Runs `plantOne` until it has succeeded `count` times, or failed as often.
    private mutating func repeatPlanting(_ count: Int, _ plantOne: (inout QuirkPlanter) -> Bool) {
        var planted = 0
        var failed = 0
        while planted < count, failed < count {
            if plantOne(&self) {
                planted += 1
            } else {
                failed += 1
            }
        }
    }

    /// A message not yet changed by another quirk that satisfies `predicate`, found by
    /// scanning from a random place; it counts as changed from now on.
    private mutating func pickMessage(where predicate: (WorldMessage) -> Bool) -> Int? {
        let count = messages.count
        let start = random.below(count)
        for offset in 0..<count {
            let index = (start + offset) % count
            if !touched.contains(index), predicate(messages[index]) {
                touched.insert(index)
                return index
            }
        }
        return nil
    }
}

extension WorldMessage {
    /// Sets the delivery time on every row and in the outcome, keeping each row's style.
    mutating func setDelivered(at microseconds: Int64) {
        reportRow.deliveredAt?.microseconds = microseconds
        batchReportRow.deliveredAt?.microseconds = microseconds
        batchIDsRow.deliveredAt?.microseconds = microseconds
        outcome.deliveredAt = microseconds
    }
}
