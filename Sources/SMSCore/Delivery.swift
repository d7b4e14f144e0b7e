/// One (message, recipient) pair: the unit that every count in every report counts.
package struct Delivery: Sendable {
    // The stored properties are declared widest first, so that the struct packs
    // without padding: a report holds millions of them.

    /// When the message was sent.
    package var sentAt: Instant
    /// The normalised 10-digit phone, or the phone exactly as received when invalid.
    package var phone: String
    /// The operator name from the operator table, `OTHER` or `INVALID`.
    package var operatorName: String
    /// The status exactly as the winning row gave it.
    package var statusRaw: String
    /// The recipient's `client_name`; nil when the API gave null.
    package var recipientName: String?
    /// The batch id; empty when no batch lists the delivery.
    package var batchID: String
    /// When the gateway saw it delivered; nil when it has not been.
    package var deliveredAt: Instant?
    /// The canonical status.
    package var status: DeliveryStatus
    /// True when ``phone`` is a valid normalised number.
    package var phoneIsValid: Bool
    /// True when two rows for this delivery gave different final statuses.
    package var hasStatusConflict: Bool
    /// Index of the message text in the snapshot's ``MessageCatalog``.
    package var messageID: Int32

    /// How reports show an empty batch id (contract §3).
    package static let noBatchLabel = "(no batch)"

    package init(sentAt: Instant, deliveredAt: Instant?, phone: String, phoneIsValid: Bool,
                operatorName: String, status: DeliveryStatus, statusRaw: String,
                messageID: Int32, recipientName: String?, batchID: String, hasStatusConflict: Bool) {
        self.sentAt = sentAt
        self.deliveredAt = deliveredAt
        self.phone = phone
        self.phoneIsValid = phoneIsValid
        self.operatorName = operatorName
        self.status = status
        self.statusRaw = statusRaw
        self.messageID = messageID
        self.recipientName = recipientName
        self.batchID = batchID
        self.hasStatusConflict = hasStatusConflict
    }

    /// The first three digits of a valid phone; empty for an invalid one. Made from
    /// ``phone`` when asked (a three-byte `String` needs no allocation) rather than
    /// stored: at ten million deliveries a stored copy is 160 MB.
    package var prefix: String {
        phoneIsValid ? String(decoding: phone.utf8.prefix(3), as: UTF8.self) : ""
    }

    /// `delivered_at − sent_at` in microseconds, when both are known.
    package var latencyMicroseconds: Int64? {
        deliveredAt.map { $0.microseconds(since: sentAt) }
    }
}
