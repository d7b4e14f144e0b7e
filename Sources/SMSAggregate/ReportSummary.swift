import SMSCore

/// The report's summary as typed values: what contract §4's `summary` table holds,
/// for the renderers, the email subject and `run.json` to read by field. The
/// `summary` table itself is made from it.
public struct ReportSummary: Sendable, Equatable {
    /// The first day of the period: `--from`, else the first day with data; nil when neither.
    public var periodFrom: LocalDay?
    /// The last day of the period: `--to`, else the last day with data; nil when neither.
    public var periodTo: LocalDay?
    /// The timezone of days and printed timestamps.
    public var timeZone: ReportTimeZone
    /// When the report was made (now, or `SOURCE_DATE_EPOCH`).
    public var generatedAt: Instant
    /// When the fetch ended, from the manifest; nil without one.
    public var dataAsOf: Instant?
    /// False when the snapshot says some data could not be fetched.
    public var isComplete: Bool
    /// Distinct (`sent_at`, text) pairs.
    public var messages: Int
    /// Distinct non-empty batch ids.
    public var batches: Int
    /// Deliveries, counts by status, delivery rate and latency over the whole report.
    public var totals: GroupStatistics

    /// The delivery rate; nil when the report has no deliveries.
    public var deliveryRate: Ratio? {
        totals.deliveries == 0 ? nil : totals.deliveryRate
    }
}
