import SMSCore

/// The report's summary as typed values: what contract §4's `summary` table holds,
/// for the renderers, the email subject and `run.json` to read by field. The
/// `summary` table itself is made from it.
package struct ReportSummary: Sendable, Equatable {
    /// The first day of the period: `--from`, else the first day with data; nil when neither.
    package var periodFrom: LocalDay?
    /// The last day of the period: `--to`, else the last day with data; nil when neither.
    package var periodTo: LocalDay?
    /// The timezone of days and printed timestamps.
    package var timeZone: ReportTimeZone
    /// When the report was made (now, or `SOURCE_DATE_EPOCH`).
    package var generatedAt: Instant
    /// When the fetch ended, from the manifest; nil without one.
    package var dataAsOf: Instant?
    /// False when the snapshot says some data could not be fetched.
    package var isComplete: Bool
    /// Distinct (`sent_at`, text) pairs.
    package var messages: Int
    /// Distinct non-empty batch ids.
    package var batches: Int
    /// Deliveries, counts by status, delivery rate and latency over the whole report.
    package var totals: GroupStatistics

    /// The delivery rate; nil when the report has no deliveries.
    package var deliveryRate: Ratio? {
        totals.deliveries == 0 ? nil : totals.deliveryRate
    }
}
