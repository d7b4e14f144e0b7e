/// The names of the files and folders inside a snapshot folder (contract §2).
package enum SnapshotLayout {
    package static let manifest = "manifest.json"
    package static let batchIDs = "batch-ids.json"
    package static let pagesFolder = "sms-report"
    package static let batchReportsFolder = "sms-report-batch"
    package static let metrics = "metrics-snapshot.json"

    /// The path of page `number` (1-based, in fetch order), relative to the snapshot.
    package static func pagePath(number: Int) -> String {
        let digits = String(number)
        let padded = String(repeating: "0", count: max(0, 6 - digits.count)) + digits
        return "\(pagesFolder)/page-\(padded).json"
    }

    /// The path of the batch report for `batchID`, relative to the snapshot.
    package static func batchReportPath(for batchID: String) -> String {
        "\(batchReportsFolder)/\(FileSafeName.batchReportFileName(for: batchID))"
    }
}
