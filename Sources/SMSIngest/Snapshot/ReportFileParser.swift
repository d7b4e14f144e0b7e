import SMSCore
import SnapshotFormat

/// Reads the rows of one snapshot file (a page, a batch report or `batch-ids.json`)
/// straight from its bytes, normalising statuses and phones as it goes. The operator
/// of a phone is the merger's to find: a record holds the number.
package struct ReportFileParser {
    /// The kind of body a file holds.
    package enum BodyKind {
        /// `GET /api/sms-report/?page=N`: `{"count", "next", "previous", "results": [rows]}`.
        case page
        /// `GET /api/sms-report/{batch_id}/`: `[rows]`.
        case batchReport
        /// `GET /api/batch-ids`: `[{sent_at, delivered_at, status, batch_id}]`.
        case batchIDs
    }

    package let statusMap: StatusMap
    /// The raw statuses met so far, in any file, with their canonical status: a snapshot
    /// has a handful, and matching their bytes costs less than making a `String` and
    /// looking it up in the status map (which trims and upper-cases it) for every row.
    private var knownStatuses: [RowStatus] = []
    /// For each of ``knownStatuses``, its index in the current file's statuses; -1
    /// until a row of the file gives it.
    private var fileStatusIndices: [Int32] = []
    /// The UTF-8 bytes of ``knownStatuses``' raw values, one after another.
    private var knownStatusBytes: [UInt8] = []
    /// Where each of ``knownStatuses``' raw values lies in ``knownStatusBytes``, by index.
    private var knownStatusRanges: [Range<Int>] = []
    private var sharedTexts = SharedTexts()
    private var textIndex: [FileTextKey: Int32] = [:]
    private var recentTexts = RecentTexts()
    /// The raw text (the bytes between the quotes, escapes as written) of the last
    /// `message` string read from the current file, and its index in the file's texts.
    private var lastRawText: [UInt8] = []
    private var lastRawTextIndex: Int32?
    private var timestamps = TimestampReader()

    package init(statusMap: StatusMap) {
        self.statusMap = statusMap
    }

    /// Parses `bytes`, the body stored at `path`. A value of the wrong kind is first
    /// skipped, so that text which is not JSON at all is reported as such, with its place.
    package mutating func parse(_ bytes: UnsafeRawBufferPointer, path: String, kind: BodyKind) throws(ReportError) -> ParsedFile {
        textIndex.removeAll(keepingCapacity: true)
        lastRawTextIndex = nil
        for index in fileStatusIndices.indices {
            fileStatusIndices[index] = -1
        }
        var scanner = JSONScanner(bytes: bytes)
        var file = ParsedFile(path: path)
        do {
            let first = try scanner.peek()
            switch (kind, first) {
            case (.page, _):
                try parsePage(&scanner, into: &file)
            case (_, UInt8(ascii: "{")):
                try parseErrorBody(&scanner, into: &file)
            case (.batchReport, _):
                try parseRows(&scanner, arrayPath: "", into: &file)
            case (.batchIDs, _):
                try parseBatchIDRows(&scanner, into: &file)
            }
            try scanner.expectEnd()
        } catch let failure as FieldFailure {
            throw failure.reportError(file: path)
        } catch let syntax as JSONSyntaxError {
            throw .invalidJSON(file: path, line: syntax.line, column: syntax.column, reason: syntax.reason)
        } catch {
            throw .unreadableFile(file: path, reason: "\(error)")
        }
        return file
    }

    // MARK: Bodies

    private mutating func parsePage(_ scanner: inout JSONScanner, into file: inout ParsedFile) throws {
        var cursor = try scanner.beginObject()
        var sawResults = false
        while let key = try scanner.nextKey(&cursor) {
            if scanner.matches(key, "results") {
                sawResults = true
                try parseRows(&scanner, arrayPath: "results", into: &file)
            } else if scanner.matches(key, "count") {
                if try !scanner.consumeNull() {
                    let literal = try scanner.readNumberLiteral()
                    if let count = Int(literal), count >= 0 {
                        file.pageCount = count
                    } else {
                        file.pageCountOutOfRange = literal
                    }
                }
            } else if scanner.matches(key, "next") {
                file.pageHasNext = try !scanner.consumeNull()
                if file.pageHasNext {
                    try scanner.skipValue()
                }
            } else {
                try scanner.skipValue()
            }
        }
        guard sawResults else { throw FieldFailure.missing("results") }
    }

    /// The API's error object, e.g. `{"error": "No batch ID found."}`: no rows.
    private mutating func parseErrorBody(_ scanner: inout JSONScanner, into file: inout ParsedFile) throws {
        let value = try scanner.readValue()
        guard case .string = value["error"] else {
            throw FieldFailure.invalid("", "expected an array of rows or an error object")
        }
        file.isErrorBody = true
    }

    private mutating func parseRows(_ scanner: inout JSONScanner, arrayPath: String,
                                    into file: inout ParsedFile) throws {
        var cursor = try scanner.beginArray()
        var rowIndex = 0
        while try scanner.nextElement(&cursor) {
            try parseRow(&scanner, row: RowPath(array: arrayPath, index: rowIndex), into: &file)
            rowIndex += 1
        }
        file.rowCount = rowIndex
    }

    /// Reads one row. Its recipients are appended to the file as they are read, and
    /// the row's own fields (which may come after them) are filled in at the end, so a
    /// row costs no allocation of its own.
    private mutating func parseRow(_ scanner: inout JSONScanner, row: RowPath, into file: inout ParsedFile) throws {
        var cursor = try scanner.beginObject()
        var sentAt: Instant?
        var deliveredAt: Instant?
        var statusIndex: Int32?
        var textID: Int32?
        var sawRecipients = false
        let firstRecipient = file.recipients.count
        var expected = RowKey(rawValue: 0)
        while let key = try scanner.nextKnownKey(&cursor, expecting: &expected) {
            switch key {
            case .sentAt:
                sentAt = try readTimestamp(&scanner, field: row.field("sent_at"))
            case .deliveredAt:
                deliveredAt = try readOptionalTimestamp(&scanner, field: row.field("delivered_at"))
            case .status:
                statusIndex = try readStatus(&scanner, into: &file)
            case .message:
                textID = try readText(&scanner, into: &file)
            case .recipients:
                // A repeated key counts once, as its last value, like any JSON reader.
                file.recipients.removeSubrange(firstRecipient...)
                try readRecipients(&scanner, row: row, into: &file)
                sawRecipients = true
            }
        }
        guard let sentAt else { throw FieldFailure.missing(row.field("sent_at")) }
        guard sawRecipients else { throw FieldFailure.missing(row.field("recipients")) }
        let rowStatusIndex = statusIndex ?? self.statusIndex(forRaw: "", into: &file)
        let messageID = textID ?? internText("", into: &file)
        for index in firstRecipient..<file.recipients.count {
            file.recipients[index].sentAt = sentAt
            file.recipients[index].deliveredAt = deliveredAt
            file.recipients[index].statusIndex = rowStatusIndex
            file.recipients[index].textIndex = messageID
        }
    }

    /// Appends the row's recipients to the file, with the row's own fields left to
    /// ``parseRow(_:row:into:)``.
    private mutating func readRecipients(_ scanner: inout JSONScanner, row: RowPath, into file: inout ParsedFile) throws {
        guard try scanner.peek() == UInt8(ascii: "[") else {
            try scanner.skipValue()
            throw FieldFailure.invalid(row.field("recipients"), "expected an array")
        }
        var cursor = try scanner.beginArray()
        var recipient = 0
        while try scanner.nextElement(&cursor) {
            guard try scanner.peek() == UInt8(ascii: "{") else {
                try scanner.skipValue()
                throw FieldFailure.invalid(row.recipient(recipient), "expected an object")
            }
            var recipientCursor = try scanner.beginObject()
            var nameIndex: Int32 = -1
            var phone: Int64?
            var expected = RecipientKey(rawValue: 0)
            while let key = try scanner.nextKnownKey(&recipientCursor, expecting: &expected) {
                switch key {
                case .clientPhone: phone = try readPhone(&scanner, into: &file)
                case .clientName: nameIndex = try readName(&scanner, into: &file)
                }
            }
            guard let phone else { throw FieldFailure.missing(row.recipient(recipient, field: "client_phone")) }
            file.recipients.append(ReportRecipientRecord(
                sentAt: Instant(microseconds: 0), deliveredAt: nil, phone: phone, textIndex: 0, rowIndex: Int32(row.index),
                statusIndex: 0, nameIndex: nameIndex))
            recipient += 1
        }
    }

    /// A `client_phone`, normalised, as a record holds it: the number when valid, else
    /// the index of the text among the file's invalid phones (see
    /// ``ReportRecipientRecord/phone``). A number or a plain string is read from its
    /// bytes, and a valid phone (nearly all) makes no text.
    private func readPhone(_ scanner: inout JSONScanner, into file: inout ParsedFile) throws -> Int64 {
        let phone: NormalizedPhone
        switch try scanner.peek() {
        case UInt8(ascii: "\""):
            let value = try scanner.readStringValue()
            if let number = scanner.withBytes(of: value, PhoneNormalizer.plainNumber(bytes:)) {
                return number
            }
            phone = scanner.withBytes(of: value) { PhoneNormalizer.normalize(bytes: $0) }
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            let literal = UnsafeRawBufferPointer(rebasing: scanner.bytes[try scanner.readNumberSpan()])
            if let number = PhoneNormalizer.plainNumber(bytes: literal) {
                return number
            }
            phone = PhoneNormalizer.normalize(bytes: literal)
        default:
            phone = PhoneNormalizer.normalize(try scanner.readScalarText() ?? "")
        }
        if let number = phone.numericValue {
            return number
        }
        file.invalidPhones.append(phone.text)
        return -Int64(file.invalidPhones.count)
    }

    /// A `client_name`: its index among the file's names, or -1 for null. A name the
    /// last recipient also had, byte for byte, takes the same index. (Not `String`'s
    /// `==`, which would take a name written with other but equivalent characters for
    /// the same name.)
    private mutating func readName(_ scanner: inout JSONScanner, into file: inout ParsedFile) throws -> Int32 {
        guard let name = try readSharedText(&scanner) else { return -1 }
        if !(file.names.last.map { $0.utf8.elementsEqual(name.utf8) } ?? false) {
            file.names.append(name)
        }
        return Int32(file.names.count - 1)
    }

    /// A `client_name` or a `batch_id`. Both repeat across rows and files, so each
    /// distinct long one is made into a `String` once per parser and shared by the rows
    /// that carry it (at ten million deliveries, a copy each would be hundreds of MB).
    private mutating func readSharedText(_ scanner: inout JSONScanner) throws -> String? {
        guard try scanner.peek() == UInt8(ascii: "\"") else { return try scanner.readScalarText() }
        let value = try scanner.readStringValue()
        return scanner.withBytes(of: value) { sharedTexts.string(for: $0) }
    }

    private mutating func parseBatchIDRows(_ scanner: inout JSONScanner, into file: inout ParsedFile) throws {
        // A row takes over 100 bytes; reserving for that many spares the array its
        // doublings (each briefly holding the old rows and the new).
        file.batchIDRows.reserveCapacity(scanner.bytes.count / Self.minimumBatchIDRowBytes)
        var cursor = try scanner.beginArray()
        var rowIndex = 0
        while try scanner.nextElement(&cursor) {
            let row = RowPath(array: "", index: rowIndex)
            var rowCursor = try scanner.beginObject()
            var sentAt: Instant?
            var deliveredAt: Instant?
            var statusIndex: Int32?
            var batchID = ""
            var expected = BatchIDKey(rawValue: 0)
            while let key = try scanner.nextKnownKey(&rowCursor, expecting: &expected) {
                switch key {
                case .sentAt: sentAt = try readTimestamp(&scanner, field: row.field("sent_at"))
                case .deliveredAt: deliveredAt = try readOptionalTimestamp(&scanner, field: row.field("delivered_at"))
                case .status: statusIndex = try readStatus(&scanner, into: &file)
                case .batchID: batchID = try readSharedText(&scanner) ?? ""
                }
            }
            guard let sentAt else { throw FieldFailure.missing(row.field("sent_at")) }
            let rowStatusIndex = statusIndex ?? self.statusIndex(forRaw: "", into: &file)
            let rowStatus = file.statuses[Int(rowStatusIndex)]
            // A status past the remembered ones is added to the file's statuses for its
            // row alone; a batch-ids row keeps its own copy, so it is taken off again.
            if knownStatuses.count == Self.knownStatusLimit, Int(rowStatusIndex) == file.statuses.count - 1,
               !fileStatusIndices.contains(rowStatusIndex) {
                file.statuses.removeLast()
            }
            file.batchIDRows.append(BatchIDRecord(
                sentAt: sentAt, statusRaw: rowStatus.raw, batchID: batchID, deliveredAt: deliveredAt,
                status: rowStatus.status))
            rowIndex += 1
        }
        file.rowCount = rowIndex
    }

    // MARK: Fields

    private mutating func readTimestamp(_ scanner: inout JSONScanner, field: @autoclosure () -> String) throws -> Instant {
        guard let instant = try readOptionalTimestamp(&scanner, field: field()) else {
            throw FieldFailure.missing(field())
        }
        return instant
    }

    /// A timestamp, or nil for null or an empty string.
    private mutating func readOptionalTimestamp(_ scanner: inout JSONScanner, field: @autoclosure () -> String) throws -> Instant? {
        if try scanner.consumeNull() {
            return nil
        }
        guard try scanner.peek() == UInt8(ascii: "\"") else {
            try scanner.skipValue()
            throw FieldFailure.invalid(field(), "expected an ISO 8601 timestamp string")
        }
        // The API's form first, read without looking for the string's end: a valid
        // timestamp holds no byte that would end or escape a string.
        if let instant = scanner.consumeString(ofLength: Self.apiTimestampLength, { try? timestamps.read($0).get() }) {
            return instant
        }
        let value = try scanner.readStringValue()
        if case .span(let range) = value, range.isEmpty {
            return nil
        }
        switch scanner.withBytes(of: value, { timestamps.read($0) }) {
        case .success(let instant):
            return instant
        case .failure(let failure):
            throw FieldFailure.invalid(field(), "\(failure.reason): \(scanner.string(of: value))")
        }
    }

    /// A row's `status`: the raw value as given (a string, or a number's or boolean's
    /// literal) with its canonical status, as its index in the file's statuses.
    private mutating func readStatus(_ scanner: inout JSONScanner, into file: inout ParsedFile) throws -> Int32 {
        guard try scanner.peek() == UInt8(ascii: "\"") else {
            return statusIndex(forRaw: try scanner.readScalarText() ?? "", into: &file)
        }
        let value = try scanner.readStringValue()
        if let known = scanner.withBytes(of: value, { knownStatusIndex(bytes: $0) }) {
            return fileStatusIndex(ofKnown: known, into: &file)
        }
        return statusIndex(forRaw: scanner.string(of: value), into: &file)
    }

    /// The index in ``knownStatuses`` of the status whose raw value is `bytes`,
    /// compared without making a `String`.
    private func knownStatusIndex(bytes: UnsafeRawBufferPointer) -> Int? {
        knownStatusBytes.withUnsafeBytes { all -> Int? in
            for index in knownStatusRanges.indices where knownStatusRanges[index].count == bytes.count {
                guard let start = bytes.baseAddress, let allStart = all.baseAddress else { return index }
                if bytesEqual(allStart + knownStatusRanges[index].lowerBound, start, count: bytes.count) {
                    return index
                }
            }
            return nil
        }
    }

    /// The index in the file's statuses of the known status at `known`, added to the
    /// file when its first row with it is read.
    private mutating func fileStatusIndex(ofKnown known: Int, into file: inout ParsedFile) -> Int32 {
        if fileStatusIndices[known] < 0 {
            fileStatusIndices[known] = Int32(file.statuses.count)
            file.statuses.append(knownStatuses[known])
        }
        return fileStatusIndices[known]
    }

    /// The index in the file's statuses of the raw status `raw` with its canonical
    /// status, remembered for the rows to come.
    private mutating func statusIndex(forRaw raw: String, into file: inout ParsedFile) -> Int32 {
        let key = ByteString(raw)
        if let known = knownStatuses.firstIndex(where: { ByteString($0.raw) == key }) {
            return fileStatusIndex(ofKnown: known, into: &file)
        }
        let status = RowStatus(raw: raw, status: statusMap.status(forRaw: raw))
        guard knownStatuses.count < Self.knownStatusLimit else {
            file.statuses.append(status)
            return Int32(file.statuses.count - 1)
        }
        knownStatuses.append(status)
        fileStatusIndices.append(-1)
        knownStatusRanges.append(knownStatusBytes.count..<(knownStatusBytes.count + raw.utf8.count))
        knownStatusBytes.append(contentsOf: raw.utf8)
        return fileStatusIndex(ofKnown: knownStatuses.count - 1, into: &file)
    }

    /// The length of the API's timestamps: `2025-11-04T23:58:40.646659+05:45`.
    private static let apiTimestampLength = 32

    /// Fewer bytes than any real `batch-ids.json` row takes (with both timestamps, a
    /// status and an id), for reserving the rows of a file ahead.
    private static let minimumBatchIDRowBytes = 100

    /// Distinct raw statuses remembered; past them (an API that sends free text as the
    /// status), each row's status is looked up in the status map.
    private static let knownStatusLimit = 32

    /// Reads a row's `message` and returns its index in the file's texts. Rows of one
    /// message sit side by side (three rows in four on a page, nearly all in a batch
    /// report), so the input is first compared with the raw bytes of the file's last
    /// message string: a repeat is passed over with one compare, neither scanned for its
    /// end nor decoded.
    private mutating func readText(_ scanner: inout JSONScanner, into file: inout ParsedFile) throws -> Int32 {
        guard try scanner.peek() == UInt8(ascii: "\"") else {
            return internText(try scanner.readScalarText() ?? "", into: &file)
        }
        if let lastRawTextIndex, lastRawText.withUnsafeBytes({ scanner.consumeString(rawText: $0) }) {
            return lastRawTextIndex
        }
        let rawStart = scanner.position + 1
        let value = try scanner.readStringValue()
        let index: Int32
        if let entry = scanner.withBytes(of: value, { recentTexts.entry(for: $0) }) {
            index = intern(entry, into: &file)
        } else {
            index = internText(scanner.string(of: value), into: &file)
        }
        lastRawText.removeAll(keepingCapacity: true)
        lastRawText.append(contentsOf: UnsafeRawBufferPointer(rebasing: scanner.bytes[rawStart..<(scanner.position - 1)]))
        lastRawTextIndex = index
        return index
    }

    private mutating func internText(_ text: String, into file: inout ParsedFile) -> Int32 {
        let entry = MessageCatalog.Entry(text: text)
        recentTexts.remember(entry)
        return intern(entry, into: &file)
    }

    /// The index of the entry's text among the file's texts, added when new.
    private mutating func intern(_ entry: MessageCatalog.Entry, into file: inout ParsedFile) -> Int32 {
        let key = FileTextKey(fingerprint: entry.fingerprint, text: entry.key)
        let index: Int32
        if let existing = textIndex[key] {
            index = existing
        } else {
            index = Int32(file.texts.count)
            file.texts.append(entry)
            textIndex[key] = index
        }
        return index
    }
}

/// The message texts a parser has met lately, in any file, with their segments
/// counted: a campaign's text recurs in page after page, and counting its segments
/// (a walk over every character) once per page cost more than finding it here.
///
/// Direct-mapped by a hash of the bytes, like ``SharedTexts``: a text whose slot
/// another took is counted anew, which is always correct.
private struct RecentTexts {
    private var slots = [MessageCatalog.Entry?](repeating: nil, count: 1 << 10)

    /// The entry of the text whose UTF-8 bytes are `bytes`, when remembered.
    func entry(for bytes: UnsafeRawBufferPointer) -> MessageCatalog.Entry? {
        guard let entry = slots[Self.slot(of: bytes, in: slots.count)], entry.key.hasBytes(bytes) else { return nil }
        return entry
    }

    /// Remembers `entry`, in place of the text that held its slot.
    mutating func remember(_ entry: MessageCatalog.Entry) {
        let count = slots.count
        slots[entry.key.withBytes { Self.slot(of: $0, in: count) }] = entry
    }

    /// The slot of a text: the fingerprint of up to its first 64 bytes (enough to tell
    /// texts apart for a cache, and bounded for a long one), mixed with its length.
    private static func slot(of bytes: UnsafeRawBufferPointer, in count: Int) -> Int {
        let hash = textFingerprint(UnsafeRawBufferPointer(rebasing: bytes.prefix(64))) ^ UInt64(bytes.count)
        return Int(truncatingIfNeeded: hash ^ hash >> 32) & (count - 1)
    }
}

/// A text as a key of a file's texts: hashed by its fingerprint (one word into the
/// hasher, where its bytes would be a hundred), told apart by its bytes.
private struct FileTextKey: Hashable {
    let fingerprint: UInt64
    let text: ByteString

    func hash(into hasher: inout Hasher) {
        hasher.combine(fingerprint)
    }

    static func == (left: FileTextKey, right: FileTextKey) -> Bool {
        left.fingerprint == right.fingerprint && left.text == right.text
    }
}

/// The keys the parser reads from one kind of object: raw values count from 0 in the
/// order the API writes the keys, so that the one after a key is expected next.
private protocol ObjectKeys: CaseIterable, RawRepresentable<Int> {
    /// The key as written in JSON.
    var name: StaticString { get }
}

extension JSONScanner {
    /// The next key of `Keys` in the object, the values of other keys skipped; nil
    /// (consuming `}`) at the end. `expected` starts as the first key and follows the
    /// keys read, so that an object in the API's order is matched a key at a time.
    fileprivate mutating func nextKnownKey<Keys: ObjectKeys>(
        _ cursor: inout Cursor, expecting expected: inout Keys?
    ) throws(JSONSyntaxError) -> Keys? {
        while true {
            let found: Keys?
            switch try nextKey(&cursor, expecting: expected?.name) {
            case .end:
                return nil
            case .expected:
                found = expected
            case .other(let key):
                found = Keys.allCases.first { matches(key, $0.name) }
            }
            if let found {
                expected = Keys(rawValue: found.rawValue + 1)
                return found
            }
            try skipValue()
        }
    }
}

/// A report row's keys, in the order the API writes them.
private enum RowKey: Int, ObjectKeys {
    case message, recipients, sentAt, deliveredAt, status

    var name: StaticString {
        switch self {
        case .message: "message"
        case .recipients: "recipients"
        case .sentAt: "sent_at"
        case .deliveredAt: "delivered_at"
        case .status: "status"
        }
    }
}

/// A recipient's keys, in the order the API writes them.
private enum RecipientKey: Int, ObjectKeys {
    case clientName, clientPhone

    var name: StaticString {
        switch self {
        case .clientName: "client_name"
        case .clientPhone: "client_phone"
        }
    }
}

/// A `batch-ids.json` row's keys, in the order the API writes them.
private enum BatchIDKey: Int, ObjectKeys {
    case sentAt, deliveredAt, status, batchID

    var name: StaticString {
        switch self {
        case .sentAt: "sent_at"
        case .deliveredAt: "delivered_at"
        case .status: "status"
        case .batchID: "batch_id"
        }
    }
}

/// Where a row sits in its file, for naming it in an error. The text is only
/// made when an error needs it, never for the millions of rows that are fine.
private struct RowPath {
    /// The array that holds the rows (`results` in a page; empty for a top-level array).
    var array: String
    var index: Int

    /// `results[6].sent_at`.
    func field(_ name: String) -> String {
        "\(array)[\(index)].\(name)"
    }

    /// `results[6].recipients[0]`, or one of its fields.
    func recipient(_ recipient: Int, field name: String? = nil) -> String {
        let path = "\(array)[\(index)].recipients[\(recipient)]"
        return name.map { "\(path).\($0)" } ?? path
    }
}

/// A field-level problem found while parsing, before the file name is known to it.
private enum FieldFailure: Error {
    case missing(String)
    case invalid(String, String)

    func reportError(file: String) -> ReportError {
        switch self {
        case .missing(let path):
            return .missingField(file: file, path: path)
        case let .invalid(path, reason):
            return .invalidField(file: file, path: path.isEmpty ? "top level" : path, reason: reason)
        }
    }
}
