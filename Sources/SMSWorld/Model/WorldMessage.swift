/// One message as the gateway holds it: one API row, with one or more recipients that
/// share its text, times and status.
///
/// The same message is written by up to three endpoints, and each has its own view of
/// the status: ``reportRow`` on the pages, ``batchReportRow`` in its batch report and
/// ``batchIDsRow`` in `/api/batch-ids`. They agree except where a quirk says otherwise;
/// ``outcome`` is what the reports must conclude.
package struct WorldMessage: Sendable, Hashable {
    /// `message`.
    package var text: String
    /// `recipients`, each a distinct delivery.
    package var recipients: [WorldRecipient]
    /// `sent_at`; unique to this message across the world.
    package var sentAt: APITimestamp
    /// The batch the message belongs to, or nil when it was sent on its own.
    package var batchID: String?
    /// `status` and `delivered_at` on the `/api/sms-report/` pages.
    package var reportRow: RowStatus
    /// `status` and `delivered_at` in `/api/sms-report/{batch_id}/`.
    package var batchReportRow: RowStatus
    /// `status` and `delivered_at` in `/api/batch-ids`, where the status may be a code.
    package var batchIDsRow: RowStatus
    /// What the reports must conclude for every recipient.
    package var outcome: IntendedOutcome

    /// A message with every field given.
    package init(text: String, recipients: [WorldRecipient], sentAt: APITimestamp, batchID: String?,
                reportRow: RowStatus, batchReportRow: RowStatus, batchIDsRow: RowStatus, outcome: IntendedOutcome) {
        self.text = text
        self.recipients = recipients
        self.sentAt = sentAt
        self.batchID = batchID
        self.reportRow = reportRow
        self.batchReportRow = batchReportRow
        self.batchIDsRow = batchIDsRow
        self.outcome = outcome
    }
}

/// A batch: its id and its messages.
package struct WorldBatch: Sendable, Hashable {
    /// The batch id, such as `881127472383-4566` or `campaign/2025-11 A`.
    package var id: String
    /// Indices into ``World/messages``, oldest first.
    package var messageIndices: [Int]
    /// False when the gateway has no report for the batch (quirk
    /// ``Quirk/missingBatchReport``): the batch is in `/api/batch-ids` only.
    package var hasReport: Bool

    /// A batch with every field given.
    package init(id: String, messageIndices: [Int], hasReport: Bool) {
        self.id = id
        self.messageIndices = messageIndices
        self.hasReport = hasReport
    }
}
