import SMSCore

/// One recipient of one report row, read from a page or a batch report and already
/// normalised: the raw material of a ``Delivery``.
///
/// It holds no text of its own, only numbers and indices into its file's tables: a
/// file's records are made, copied and freed by the thousand, and a text in each
/// would be retained and released every time.
package struct ReportRecipientRecord: Sendable {
    package var sentAt: Instant
    package var deliveredAt: Instant?
    /// The valid phone's 10 digits as a number; for a phone that is not valid,
    /// `-1 - i`, where `i` is its index in the file's ``ParsedFile/invalidPhones``.
    package var phone: Int64
    /// Index of the text in the file's own ``ParsedFile/texts``.
    package var textIndex: Int32
    /// Index of the row in the file's array of rows.
    package var rowIndex: Int32
    /// Index of the row's status in the file's ``ParsedFile/statuses``.
    package var statusIndex: Int32
    /// Index of the `client_name` in the file's ``ParsedFile/names``; -1 for null.
    package var nameIndex: Int32

    /// True when ``phone`` is a valid number rather than an invalid phone's index.
    package var phoneIsValid: Bool {
        phone >= 0
    }
}

/// A row's raw status and the canonical status the status map gives it.
package struct RowStatus: Sendable {
    /// The status exactly as the row gave it.
    package var raw: String
    package var status: DeliveryStatus
}

/// One row of `batch-ids.json`: a message's batch and its status, without phone or text.
///
/// Its fields are declared widest first, so that it packs: a large account's file has
/// millions of rows.
package struct BatchIDRecord: Sendable {
    package var sentAt: Instant
    package var statusRaw: String
    package var batchID: String
    package var deliveredAt: Instant?
    package var status: DeliveryStatus
}

/// What one snapshot file held, read and normalised.
package struct ParsedFile: Sendable {
    /// The file's path relative to the snapshot folder.
    package var path: String
    /// The distinct message texts of the file, with their segments counted.
    package var texts: [MessageCatalog.Entry] = []
    /// Report rows, one record per recipient, in file order.
    package var recipients: [ReportRecipientRecord] = []
    /// The statuses the file's rows gave, which ``ReportRecipientRecord/statusIndex`` indexes.
    package var statuses: [RowStatus] = []
    /// The recipients' names, which ``ReportRecipientRecord/nameIndex`` indexes.
    package var names: [String] = []
    /// The phones that are not valid, exactly as received, which an invalid
    /// ``ReportRecipientRecord/phone`` indexes.
    package var invalidPhones: [String] = []
    /// How many rows the file's array held.
    package var rowCount = 0
    /// `batch-ids.json` rows.
    package var batchIDRows: [BatchIDRecord] = []
    /// A page's `count`.
    package var pageCount: Int?
    /// A page's `count` that is not a whole number from 0 to `Int.max`, as written; the
    /// API's number is then unknown, and the report incomplete.
    package var pageCountOutOfRange: String?
    /// True when a page's `next` was not null.
    package var pageHasNext = false
    /// True when the body was the API's error object (`{"error": …}`) instead of rows.
    package var isErrorBody = false

    /// The row status of `record`.
    package func status(of record: ReportRecipientRecord) -> RowStatus {
        statuses[Int(record.statusIndex)]
    }

    /// The recipient's `client_name` of `record`; nil when the API gave null.
    package func name(of record: ReportRecipientRecord) -> String? {
        record.nameIndex < 0 ? nil : names[Int(record.nameIndex)]
    }

    /// The normalised phone of `record` as text: the 10 digits when valid, else the
    /// phone exactly as received.
    package func phoneText(of record: ReportRecipientRecord) -> String {
        record.phoneIsValid ? PhoneNormalizer.text(ofNumber: record.phone) : invalidPhones[Int(-1 - record.phone)]
    }
}
