import SMSCore
import SMSAggregate

/// The header that the HTML page and the text alternative share: what the report
/// covers, when it was made and whether the data is complete. Every field is text
/// ready to print.
package struct ReportHeaderView {
    /// The document's title, e.g. `SMS delivery report · https://dicesms.asia · 2025-11-04`.
    package let title: String
    /// The account, base URL or snapshot name.
    package let source: String
    /// The snapshot folder's name.
    package let snapshot: String
    /// `2025-10-29 – 2025-11-04`, or one day.
    package let period: String
    package let timezone: String
    package let generatedAt: String
    /// The fetch's end time, or ``DisplayFormat/missing``.
    package let dataAsOf: String
    /// Present only when the snapshot is incomplete.
    package let incomplete: IncompleteNotice?

    /// The banner of an incomplete snapshot and its reasons.
    package struct IncompleteNotice {
        package let reasons: [String]
    }

    package init(tables: ReportTables, source: ReportSource) {
        let summary = tables.figures
        let zone = tables.timeZone
        let from = summary.periodFrom.map(Cell.day) ?? .empty
        let to = summary.periodTo.map(Cell.day) ?? .empty
        period = from == to
            ? DisplayFormat.cell(from, timeZone: zone)
            : "\(DisplayFormat.cell(from, timeZone: zone)) – \(DisplayFormat.cell(to, timeZone: zone))"
        timezone = summary.timeZone.identifier
        generatedAt = DisplayFormat.cell(.timestamp(summary.generatedAt), timeZone: zone)
        dataAsOf = DisplayFormat.cell(summary.dataAsOf.map(Cell.timestamp) ?? .empty, timeZone: zone)
        self.source = source.displayName
        snapshot = source.snapshotName
        incomplete = tables.isComplete ? nil : IncompleteNotice(reasons: tables.incompleteReasons)
        title = "SMS delivery report · \(source.displayName) · \(period)"
    }
}
