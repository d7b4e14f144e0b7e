/// Every table of a report (contract §4) plus what the renderers show around them.
public struct ReportTables: Sendable {
    public var summary: Table
    public var byBatch: Table
    public var byOperator: Table
    public var byPrefix: Table
    public var byDay: Table
    public var byStatus: Table
    public var cube: Table
    public var latencyHistogram: Table
    public var metrics: Table
    public var dataQuality: Table
    public var deliveries: Table
    /// The timezone every timestamp and day is drawn in.
    public var timeZone: ReportTimeZone
    /// False when the snapshot says some data could not be fetched.
    public var isComplete: Bool
    /// Why the data is incomplete, from the manifest.
    public var incompleteReasons: [String]
    /// The API's base URL the snapshot was fetched from, from the manifest.
    public var sourceBaseURL: String?
    /// What the summary page shows beyond the tables.
    public var highlights: ReportHighlights

    /// The names of ``all``'s tables, in order, known before any table is made.
    public static let names = ["summary", "by_batch", "by_operator", "by_prefix", "by_day", "by_status", "cube",
                               "latency_histogram", "metrics", "data_quality", "deliveries"]

    /// The tables in the order of contract §4.
    public var all: [Table] {
        [summary, byBatch, byOperator, byPrefix, byDay, byStatus, cube, latencyHistogram, metrics, dataQuality, deliveries]
    }
}
