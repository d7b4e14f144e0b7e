/// The workbook's document properties (contract §5): a title and subject naming
/// the period, the author `sms-report`, the creation time from the summary's
/// `generated_at` (so `SOURCE_DATE_EPOCH` makes the file reproducible) and comments
/// naming the period, the snapshot and the completeness of the data.
enum XLSXReportProperties {
    static func make(for tables: ReportTables, snapshotName: String) -> XLSXDocumentProperties {
        var clock = LocalClock(timeZone: tables.timeZone)
        let summary = Dictionary(tables.summary.rows.compactMap { row -> (String, Cell)? in
            guard row.count == 2, case .text(let metric) = row[0] else { return nil }
            return (metric, row[1])
        }, uniquingKeysWith: { first, _ in first })
        let period = periodText(from: summary["period_from"], to: summary["period_to"])
        var generatedSeconds: Int64 = 0
        if case .timestamp(let generated)? = summary["generated_at"] {
            generatedSeconds = generated.microseconds / 1_000_000
        }
        var asOf = "unknown"
        if case .timestamp(let instant)? = summary["data_as_of"] {
            asOf = clock.iso8601(instant)
        }
        let completeness = tables.isComplete
            ? "complete"
            : (["INCOMPLETE data"] + tables.incompleteReasons).joined(separator: ": ")
        return XLSXDocumentProperties(
            title: "SMS delivery report, \(period)",
            subject: "SMS deliveries \(period) (\(tables.timeZone.identifier))\(tables.isComplete ? "" : ", INCOMPLETE data")",
            author: "sms-report",
            comments: "Period \(period) in \(tables.timeZone.identifier); snapshot \(snapshotName); "
                + "data as of \(asOf); \(completeness).",
            createdUnixSeconds: generatedSeconds)
    }

    private static func periodText(from: Cell?, to: Cell?) -> String {
        guard case .day(let first)? = from, case .day(let last)? = to else { return "(no deliveries)" }
        return first == last ? first.description : "\(first) to \(last)"
    }
}
