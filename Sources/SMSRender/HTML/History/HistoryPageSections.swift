import SMSCore

/// The sections of ``HistoryPage`` other than the charts, each a table row of the
/// page, every text escaped.
enum HistoryPageSections {
    private static let cellStyle = "padding:3px 6px;border-bottom:1px solid #eef1f4;white-space:nowrap;"
    private static let headerStyle = "padding:4px 6px;border-bottom:2px solid #c2cad4;"

    /// The banner: the account, the range, and how the history is made.
    static func header(_ document: HistoryDocument) -> String {
        let facts = [
            ("Bucketing", document.bucketingText),
            ("Grouped by", document.groupColumn ?? "none"),
            ("Days", document.storedDaysText),
            ("Missing days", document.missingDays.isEmpty ? "none" : "\(DisplayFormat.count(document.missingDays.count)), listed below"),
            ("Timezone", document.timeZone.identifier),
            ("Generated at", DisplayFormat.timestamp(document.generatedAt, timeZone: document.timeZone)),
        ]
        let rows = facts.map { "<tr><td style=\"padding-right:12px;\">\(e($0.0))</td><td>\(e($0.1))</td></tr>\n" }
        return """
        <tr><td style="background:#1f3a5f;color:#ffffff;padding:20px 24px;">
        <div style="font-size:12px;letter-spacing:1px;text-transform:uppercase;color:#c9d6e8;">SMS delivery history</div>
        <div style="font-size:22px;font-weight:bold;margin-top:4px;word-break:break-all;">\(e(document.account))</div>
        <div style="font-size:16px;margin-top:4px;">\(e(document.rangeText))</div>
        <table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin-top:10px;font-size:12px;color:#dbe4f0;">
        \(rows.joined())</table>
        </td></tr>

        """
    }

    /// The notice of missing, pruned and incomplete days; nothing when every day of
    /// the range is stored whole and complete.
    static func daysNotice(_ document: HistoryDocument) -> String {
        var lines: [(bold: Bool, text: String)] = []
        if !document.missingDays.isEmpty {
            lines.append((true, "\(DisplayFormat.counted(document.missingDays.count, "day", "days")) missing from the store"))
            lines.append((false, "They are left out of every figure below, not counted as zero: "
                          + HistoryDocument.list(document.missingDays)))
        }
        if !document.prunedDays.isEmpty {
            lines.append((true, "\(DisplayFormat.counted(document.prunedDays.count, "day", "days")) pruned"))
            lines.append((false, "Only their day totals are kept: " + HistoryDocument.list(document.prunedDays)))
        }
        let incomplete = document.storedDays - document.completeDays
        if incomplete > 0 {
            lines.append((true, "\(DisplayFormat.counted(incomplete, "stored day", "stored days")) incomplete"))
            lines.append((false, "They come from snapshots that could not be fetched whole: their figures may be too low."))
        }
        guard !lines.isEmpty else { return "" }
        let body = lines.map { line in
            line.bold ? "<div style=\"font-size:16px;font-weight:bold;margin-top:4px;\">\(e(line.text))</div>\n"
                : "<div style=\"font-size:12px;margin-top:2px;\">\(e(line.text))</div>\n"
        }
        return """
        <tr><td style="padding:16px 24px 0 24px;">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#fff1e6;border-left:6px solid #d55e00;">
        <tr><td style="padding:12px 16px;color:#7a2e00;">
        \(body.joined())</td></tr>
        </table>
        </td></tr>

        """
    }

    /// The groups the charts leave out; nothing when every group is drawn.
    static func notDrawnNote(_ groups: [String]) -> String {
        guard !groups.isEmpty else { return "" }
        let text = "Not drawn (the charts show the \(HistoryChartData.maximumSeries) groups with the most deliveries; "
            + "the table below has them all): " + groups.joined(separator: ", ")
        return "<tr><td style=\"padding:8px 24px 0 24px;font-size:12px;color:#616e7c;\">\(e(text))</td></tr>\n"
    }

    /// The history table, every column, one row per bucket and group.
    static func table(_ document: HistoryDocument) -> String {
        let table = document.table
        let numeric = table.columns.map { HistoryCellText.isNumeric($0.kind) }
        let headers = zip(table.columns, numeric).map { column, isNumeric in
            "<th align=\"\(isNumeric ? "right" : "left")\" style=\"\(headerStyle)\">\(e(column.name))</th>"
        }
        var rows = ""
        for row in table.rows {
            rows += "<tr>"
            for (cell, isNumeric) in zip(row, numeric) {
                rows += "<td align=\"\(isNumeric ? "right" : "left")\" style=\"\(cellStyle)\">"
                    + e(HistoryCellText.display(cell, timeZone: document.timeZone)) + "</td>"
            }
            rows += "</tr>\n"
        }
        if table.rowCount == 0 {
            rows = "<tr><td colspan=\"\(max(table.columns.count, 1))\" style=\"padding:6px;color:#616e7c;\">"
                + "No stored day in the range.</td></tr>\n"
        }
        return """
        <tr><td style="padding:16px 24px 0 24px;">
        <div style="font-size:16px;font-weight:bold;color:#1f3a5f;margin-bottom:6px;">\(e(table.name))</div>
        <div style="overflow-x:auto;">
        <table cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;font-size:11px;">
        <tr>\(headers.joined())</tr>
        \(rows)</table>
        </div>
        </td></tr>

        """
    }

    /// The footer.
    static let footer = """
    <tr><td style="padding:20px 24px;font-size:11px;color:#616e7c;">
    Made by sms-report from the history store. Every count counts deliveries (one message to one recipient). \
    Latency percentiles come from the store's sketches, within 1% (latency_quantiles = approx-1%). \
    history.csv and history.xlsx hold the same table.
    </td></tr>

    """

    private static func e(_ text: String) -> String {
        HistoryPage.escape(text)
    }
}
