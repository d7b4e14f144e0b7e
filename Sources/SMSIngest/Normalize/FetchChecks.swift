/// The data-quality checks about the fetch, counted over the whole snapshot
/// (contract §3 "Filters"). Each has a count and one example.
package struct FetchChecks: Sendable, Equatable {
    /// Rows dropped as repeats of a row already read from the same source.
    package var duplicateRows = 0
    package var duplicateRowsExample = ""
    /// Batches listed in batch-ids whose report is not in the snapshot.
    package var missingBatchReports = 0
    package var missingBatchReportsExample = ""
    /// The gap between the last page's `count` and the distinct rows read from the pages.
    package var countMismatch = 0
    package var countMismatchExample = ""
    /// Pages whose `count` is out of range (file and value): `count_mismatch` cannot be
    /// measured, and the report says it is incomplete.
    package var countsOutOfRange: [String] = []
    /// Requests that still failed after their retries, from the manifest.
    package var failedRequests = 0
    package var failedRequestsExample = ""

    package init() {}
}
