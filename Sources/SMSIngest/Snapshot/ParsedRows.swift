import SMSCore

/// One recipient of one report row, read from a page or a batch report and already
/// normalised: the raw material of a ``Delivery``.
package struct ReportRecipientRecord: Sendable {
    package var sentAt: Instant
    package var deliveredAt: Instant?
    package var status: DeliveryStatus
    package var statusRaw: String
    package var phone: NormalizedPhone
    /// The operator of the phone (from the operator table, `OTHER` or `INVALID`).
    package var operatorName: String
    package var recipientName: String?
    /// Index of the text in the file's own ``ParsedFile/texts``.
    package var textIndex: Int32
    /// Index of the row in the file's array of rows.
    package var rowIndex: Int32
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
}
