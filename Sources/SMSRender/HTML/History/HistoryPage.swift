import SMSCore
import SMSSupport

/// `history.html` (contract §9): one self-contained page that reads the same in a
/// mail client as report.html does (no script, no outside asset, table layout,
/// inline styles, at most 800 px wide). It shows what the history covers, a notice
/// of the days the store lacks or has pruned, the two charts as inline SVG, and the
/// history table in full. Every text from the document is HTML-escaped.
package enum HistoryPage {
    /// The page of `document`.
    package static func html(_ document: HistoryDocument) -> String {
        let data = document.chartData
        var page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title(document)))</title>
        </head>
        <body style="margin:0;padding:0;background:#f2f4f7;color:#1f2933;font-family:Helvetica,Arial,sans-serif;font-size:14px;line-height:1.4;">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f2f4f7;">
        <tr><td align="center" style="padding:16px 8px;">
        <table role="presentation" width="800" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:800px;table-layout:fixed;background:#ffffff;border:1px solid #d9dee5;">

        """
        page += HistoryPageSections.header(document)
        page += HistoryPageSections.daysNotice(document)
        page += chartSection(SVGLineChart.svg(HistoryPageCharts.deliveryRate(document, data)),
                             heading: document.chartTitle("Delivery rate per \(document.bucketing)"))
        page += chartSection(SVGBarChart.svg(HistoryPageCharts.deliveries(document, data)),
                             heading: document.chartTitle("Deliveries per \(document.bucketing)"))
        page += HistoryPageSections.notDrawnNote(data.notDrawn)
        page += HistoryPageSections.table(document)
        page += HistoryPageSections.footer
        page += """
        </table>
        </td></tr>
        </table>
        </body>
        </html>

        """
        return page
    }

    /// The page's title: `SMS delivery history · acme · 2026-11-01 to 2026-11-30`.
    package static func title(_ document: HistoryDocument) -> String {
        "SMS delivery history · \(document.account) · \(document.rangeText)"
    }

    /// A section holding a chart's heading and its SVG (whose every text is already escaped).
    private static func chartSection(_ svg: String, heading: String) -> String {
        """
        <tr><td style="padding:16px 24px 0 24px;">
        <div style="font-size:16px;font-weight:bold;color:#1f3a5f;margin-bottom:6px;">\(escape(heading))</div>
        \(svg)</td></tr>

        """
    }

    /// `text` escaped for HTML content and attributes.
    static func escape(_ text: String) -> String {
        XMLText.escape(text)
    }
}
