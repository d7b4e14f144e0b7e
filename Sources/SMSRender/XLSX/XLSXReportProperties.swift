import XLSXWriter
import SMSCore
import SMSAggregate

/// The workbook's document properties (contract §5): a title and subject naming
/// the period, the author `sms-report`, the creation time from the summary's
/// `generated_at` (so `SOURCE_DATE_EPOCH` makes the file reproducible) and comments
/// naming the period, the snapshot and the completeness of the data.
package enum XLSXReportProperties {
    package static func make(for tables: ReportTables, snapshotName: String) -> XLSXDocumentProperties {
        var clock = LocalClock(timeZone: tables.timeZone)
        let summary = tables.figures
        let period = periodText(from: summary.periodFrom, to: summary.periodTo)
        let generatedSeconds = summary.generatedAt.microseconds / 1_000_000
        let asOf = summary.dataAsOf.map { clock.iso8601($0) } ?? "unknown"
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

    private static func periodText(from: LocalDay?, to: LocalDay?) -> String {
        guard let first = from, let last = to else { return "(no deliveries)" }
        return first == last ? first.description : "\(first) to \(last)"
    }
}
