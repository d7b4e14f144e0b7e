import SMSCore

/// The deliveries of one (day, operator, prefix, status) of an account (contract §9).
///
/// Enough to rebuild by_day, by_operator, by_prefix, by_status and billing for any
/// period of stored days.
package struct OperatorRollup: Sendable, Equatable {
    package var account: String
    package var day: LocalDay
    /// `NTC`, `NCELL`, …, `OTHER` or `INVALID`.
    package var operatorName: String
    /// The number's first three digits; empty for an invalid number.
    package var prefix: String
    package var status: DeliveryStatus
    package var deliveries: Int
    /// Segments of the GSM-7 deliveries (each recipient pays its message's segments).
    package var gsm7Segments: Int
    /// Segments of the UCS-2 deliveries.
    package var ucs2Segments: Int
    /// The distinct raw status values behind ``status``, sorted.
    package var rawValues: [String]
    package var latency: LatencyRollup

    package init(account: String, day: LocalDay, operatorName: String, prefix: String, status: DeliveryStatus,
                 deliveries: Int, gsm7Segments: Int, ucs2Segments: Int, rawValues: [String], latency: LatencyRollup) {
        self.account = account
        self.day = day
        self.operatorName = operatorName
        self.prefix = prefix
        self.status = status
        self.deliveries = deliveries
        self.gsm7Segments = gsm7Segments
        self.ucs2Segments = ucs2Segments
        self.rawValues = rawValues
        self.latency = latency
    }
}

/// The deliveries of one (day, batch_id, status) of an account (contract §9), for
/// by_batch over any period of stored days.
package struct BatchRollup: Sendable, Equatable {
    package var account: String
    package var day: LocalDay
    /// The batch id as the API gave it; empty for `(no batch)`.
    package var batchID: String
    package var status: DeliveryStatus
    package var deliveries: Int
    package var gsm7Segments: Int
    package var ucs2Segments: Int
    /// The distinct raw status values behind ``status``, sorted.
    package var rawValues: [String]
    package var latency: LatencyRollup
    /// The first and last `sent_at` of these deliveries.
    package var firstSentAt: Instant
    package var lastSentAt: Instant

    package init(account: String, day: LocalDay, batchID: String, status: DeliveryStatus, deliveries: Int,
                 gsm7Segments: Int, ucs2Segments: Int, rawValues: [String], latency: LatencyRollup,
                 firstSentAt: Instant, lastSentAt: Instant) {
        self.account = account
        self.day = day
        self.batchID = batchID
        self.status = status
        self.deliveries = deliveries
        self.gsm7Segments = gsm7Segments
        self.ucs2Segments = ucs2Segments
        self.rawValues = rawValues
        self.latency = latency
        self.firstSentAt = firstSentAt
        self.lastSentAt = lastSentAt
    }
}

/// One day with all its rollups: what one transaction replaces (contract §9, "writes
/// are whole days").
package struct DayWrite: Sendable, Equatable {
    package var day: StoredDay
    package var operatorRollups: [OperatorRollup]
    package var batchRollups: [BatchRollup]

    package init(day: StoredDay, operatorRollups: [OperatorRollup], batchRollups: [BatchRollup]) {
        self.day = day
        self.operatorRollups = operatorRollups
        self.batchRollups = batchRollups
    }
}
