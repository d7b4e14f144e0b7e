import SMSCore

/// What a report covers and how it is drawn.
package struct ReportOptions: Sendable {
    /// The timezone of days and printed timestamps.
    package var timeZone: ReportTimeZone
    /// The first local day included (inclusive); nil for no lower bound.
    package var from: LocalDay?
    /// The last local day included (inclusive); nil for no upper bound.
    package var to: LocalDay?
    /// Only deliveries of these batch ids; empty for every batch.
    package var batchIDs: Set<String>
    /// The `generated_at` instant (now, or `SOURCE_DATE_EPOCH`).
    package var generatedAt: Instant

    package init(timeZone: ReportTimeZone = .kathmandu, from: LocalDay? = nil, to: LocalDay? = nil,
                batchIDs: Set<String> = [], generatedAt: Instant) {
        self.timeZone = timeZone
        self.from = from
        self.to = to
        self.batchIDs = batchIDs
        self.generatedAt = generatedAt
    }
}
