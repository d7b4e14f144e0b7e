/// The header that the HTML page and the text alternative share: what the report
/// covers, when it was made and whether the data is complete. Every field is text
/// ready to print.
struct ReportHeaderView {
    /// The document's title, e.g. `SMS delivery report · https://dicesms.asia · 2025-11-04`.
    let title: String
    /// The account, base URL or snapshot name.
    let source: String
    /// The snapshot folder's name.
    let snapshot: String
    /// `2025-10-29 – 2025-11-04`, or one day.
    let period: String
    let timezone: String
    let generatedAt: String
    /// The fetch's end time, or ``DisplayFormat/missing``.
    let dataAsOf: String
    /// Present only when the snapshot is incomplete.
    let incomplete: IncompleteNotice?

    /// The banner of an incomplete snapshot and its reasons.
    struct IncompleteNotice {
        let reasons: [String]
    }

    init(tables: ReportTables, source: ReportSource) {
        let summary = SummaryValues(tables.summary)
        let zone = tables.timeZone
        let from = summary["period_from"]
        let to = summary["period_to"]
        period = from == to
            ? DisplayFormat.cell(from, timeZone: zone)
            : "\(DisplayFormat.cell(from, timeZone: zone)) – \(DisplayFormat.cell(to, timeZone: zone))"
        timezone = DisplayFormat.cell(summary["timezone"], timeZone: zone)
        generatedAt = DisplayFormat.cell(summary["generated_at"], timeZone: zone)
        dataAsOf = DisplayFormat.cell(summary["data_as_of"], timeZone: zone)
        self.source = source.displayName
        snapshot = source.snapshotName
        incomplete = tables.isComplete ? nil : IncompleteNotice(reasons: tables.incompleteReasons)
        title = "SMS delivery report · \(source.displayName) · \(period)"
    }
}
