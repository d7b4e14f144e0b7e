import SMSCore

/// What a report covers and how it is drawn.
public struct ReportOptions: Sendable {
    /// The timezone of days and printed timestamps.
    public var timeZone: ReportTimeZone
    /// The first local day included (inclusive); nil for no lower bound.
    public var from: LocalDay?
    /// The last local day included (inclusive); nil for no upper bound.
    public var to: LocalDay?
    /// Only deliveries of these batch ids; empty for every batch.
    public var batchIDs: Set<String>
    /// The `generated_at` instant (now, or `SOURCE_DATE_EPOCH`).
    public var generatedAt: Instant

    public init(timeZone: ReportTimeZone = .kathmandu, from: LocalDay? = nil, to: LocalDay? = nil,
                batchIDs: Set<String> = [], generatedAt: Instant) {
        self.timeZone = timeZone
        self.from = from
        self.to = to
        self.batchIDs = batchIDs
        self.generatedAt = generatedAt
    }
}
