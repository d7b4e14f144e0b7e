/// The names of the files and folders inside a snapshot folder (contract §2).
public enum SnapshotLayout {
    public static let manifest = "manifest.json"
    public static let batchIDs = "batch-ids.json"
    public static let pagesFolder = "sms-report"
    public static let batchReportsFolder = "sms-report-batch"
    public static let metrics = "metrics-snapshot.json"

    /// The path of page `number` (1-based, in fetch order), relative to the snapshot.
    public static func pagePath(number: Int) -> String {
        let digits = String(number)
        let padded = String(repeating: "0", count: max(0, 6 - digits.count)) + digits
        return "\(pagesFolder)/page-\(padded).json"
    }

    /// The path of the batch report for `batchID`, relative to the snapshot.
    public static func batchReportPath(for batchID: String) -> String {
        "\(batchReportsFolder)/\(FileSafeName.batchReportFileName(for: batchID))"
    }
}
