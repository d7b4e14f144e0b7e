/// One recipient of one report row, read from a page or a batch report and already
/// normalised: the raw material of a ``Delivery``.
struct ReportRecipientRecord: Sendable {
    var sentAt: Instant
    var deliveredAt: Instant?
    var status: DeliveryStatus
    var statusRaw: String
    var phone: NormalizedPhone
    /// The operator of the phone (from the operator table, `OTHER` or `INVALID`).
    var operatorName: String
    var recipientName: String?
    /// Index of the text in the file's own ``ParsedFile/texts``.
    var textIndex: Int32
    /// Index of the row in the file's array of rows.
    var rowIndex: Int32
}

/// One row of `batch-ids.json`: a message's batch and its status, without phone or text.
struct BatchIDRecord: Sendable {
    var sentAt: Instant
    var deliveredAt: Instant?
    var status: DeliveryStatus
    var statusRaw: String
    var batchID: String
}

/// What one snapshot file held, read and normalised.
struct ParsedFile: Sendable {
    /// The file's path relative to the snapshot folder.
    var path: String
    /// The distinct message texts of the file, with their segments counted.
    var texts: [MessageCatalog.Entry] = []
    /// Report rows, one record per recipient, in file order.
    var recipients: [ReportRecipientRecord] = []
    /// How many rows the file's array held.
    var rowCount = 0
    /// `batch-ids.json` rows.
    var batchIDRows: [BatchIDRecord] = []
    /// A page's `count`.
    var pageCount: Int?
    /// True when a page's `next` was not null.
    var pageHasNext = false
    /// True when the body was the API's error object (`{"error": …}`) instead of rows.
    var isErrorBody = false
}
