/// The data-quality checks about the fetch, counted over the whole snapshot
/// (contract §3 "Filters"). Each has a count and one example.
public struct FetchChecks: Sendable, Equatable {
    /// Rows dropped as repeats of a row already read from the same source.
    public var duplicateRows = 0
    public var duplicateRowsExample = ""
    /// Batches listed in batch-ids whose report is not in the snapshot.
    public var missingBatchReports = 0
    public var missingBatchReportsExample = ""
    /// The gap between the last page's `count` and the distinct rows read from the pages.
    public var countMismatch = 0
    public var countMismatchExample = ""
    /// Pages whose `count` is out of range (file and value): `count_mismatch` cannot be
    /// measured, and the report says it is incomplete.
    public var countsOutOfRange: [String] = []
    /// Requests that still failed after their retries, from the manifest.
    public var failedRequests = 0
    public var failedRequestsExample = ""

    public init() {}
}
