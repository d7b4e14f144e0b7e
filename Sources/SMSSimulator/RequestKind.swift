/// The four documented API endpoints.
package enum RequestKind: String, Sendable, Hashable, CaseIterable {
    /// `GET /api/batch-ids`.
    case batchIDs = "batch_ids"
    /// `GET /api/sms-report/?page=N`.
    case pages
    /// `GET /api/sms-report/{batch_id}/`.
    case batchReports = "batch_reports"
    /// `GET /api/metrics/snapshot/`.
    case metrics

    /// The `error` of the endpoint's 500 body.
    var serverErrorMessage: String {
        switch self {
        case .batchIDs: "An error occurred while fetching batch IDs."
        case .pages: "An error occurred while fetching SMS reports."
        case .batchReports: "An error occurred while fetching SMS messages."
        case .metrics: "An error occurred while fetching metrics."
        }
    }
}
