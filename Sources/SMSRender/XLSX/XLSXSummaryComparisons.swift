import SMSAggregate
import SMSCore
import XLSXWriter

/// The summary sheet's block of changes and alerts (contract §10), beside the
/// summary table from column D: first, when alerts fired, `ALERTS: n` and each
/// alert's message; then `KPI | this period | <earlier period> | change …` with a
/// row per ``KPI``; then the checks' notes. Every value comes from
/// ``ReportTrends``; nothing is computed here but units.
///
/// Values are numbers in the summary's formats (counts, percent, seconds with 3
/// decimals); a missing value is the text `no data`, never 0. A change is a number:
/// a count, seconds, or for the delivery rate percentage points (−1.25 is 1.25
/// points down), shown with ▲ / ▼ / = and, when it is good or bad news, the word
/// `better` or `worse`, in green or red, so that it reads without colour too.
package struct XLSXSummaryComparisons: XLSXCellsBeside {
    /// The block's first column (D), right of the summary table and a blank column.
    package static let firstColumn = 3

    private let trends: ReportTrends
    private let label: XLSXFormat
    private let header: XLSXFormat
    private let alert: XLSXFormat
    private let noData: XLSXFormat
    private let values: [Kind: XLSXFormat]
    private let changes: [ChangeLook: XLSXFormat]

    /// The kinds of number in the block.
    private enum Kind: CaseIterable {
        case count, rate, seconds
    }

    /// A change's format: its kind and whether it is good or bad news.
    private struct ChangeLook: Hashable {
        var kind: Kind
        var verdict: KPIChange.Verdict
    }

    package init(trends: ReportTrends, workbook: XLSXWorkbook) throws(XLSXError) {
        self.trends = trends
        label = try workbook.addFormat(XLSXStyle(bold: true))
        header = try workbook.addFormat(XLSXCellStyle.header)
        alert = try workbook.addFormat(XLSXCellStyle.alert.style ?? XLSXStyle(bold: true))
        noData = try workbook.addFormat(XLSXStyle(fontColor: XLSXColor(rgb: 0x595959)))
        var values: [Kind: XLSXFormat] = [:]
        var changes: [ChangeLook: XLSXFormat] = [:]
        for kind in Kind.allCases {
            values[kind] = try workbook.addFormat(XLSXStyle(numberFormat: Self.valueFormat(kind)))
            for verdict in [KPIChange.Verdict.better, .worse, .unchanged, .neutral] {
                let style = Self.changeStyle(kind, verdict)
                changes[ChangeLook(kind: kind, verdict: verdict)] = try workbook.addFormat(style)
            }
        }
        self.values = values
        self.changes = changes
    }

    private var alertRows: Int {
        trends.findings.alerts.isEmpty ? 0 : 1 + trends.findings.alerts.count
    }

    package var rowCount: Int {
        alertRows + 1 + KPI.allCases.count + trends.findings.notes.count
    }

    private static let kpiWidth = 24.0
    private static let valueWidth = 18.0

    package func write(row: Int, on sheet: XLSXWorksheet) throws(XLSXError) {
        let column = Self.firstColumn
        let alerts = trends.findings.alerts
        if row == 0 {
            try sheet.setColumnWidth(Self.kpiWidth, columns: column...column)
            let lastColumn = column + 1 + 2 * trends.comparisons.earlier.count
            try sheet.setColumnWidth(Self.valueWidth, columns: (column + 1)...lastColumn)
        }
        if row < alertRows {
            if row == 0 {
                try sheet.writeText("ALERTS: \(alerts.count)", row: row, column: column, format: alert)
            } else {
                try sheet.writeText(alerts[row - 1].message, row: row, column: column)
            }
            return
        }
        let kpiRow = row - alertRows - 1
        if kpiRow == -1 {
            let earlier = trends.comparisons.earlier.flatMap { [$0.label, "change"] }
            for (offset, title) in (["KPI", "this period"] + earlier).enumerated() {
                try sheet.writeText(title, row: row, column: column + offset, format: header)
            }
        } else if kpiRow < KPI.allCases.count {
            try writeKPI(KPI.allCases[kpiRow], row: row, on: sheet)
        } else if kpiRow - KPI.allCases.count < trends.findings.notes.count {
            try sheet.writeText(trends.findings.notes[kpiRow - KPI.allCases.count], row: row, column: column)
        }
    }

    private func writeKPI(_ kpi: KPI, row: Int, on sheet: XLSXWorksheet) throws(XLSXError) {
        let comparisons = trends.comparisons
        var column = Self.firstColumn
        try sheet.writeText(kpi.label, row: row, column: column, format: label)
        column += 1
        try writeValue(comparisons.current.value(kpi), row: row, column: column, on: sheet)
        for period in comparisons.earlier {
            column += 1
            try writeValue(period.figures?.value(kpi), row: row, column: column, on: sheet)
            column += 1
            let change = comparisons.change(kpi, since: period)
            guard let (number, kind) = Self.number(of: change) else {
                try sheet.writeText("no data", row: row, column: column, format: noData)
                continue
            }
            try sheet.writeNumber(number, row: row, column: column,
                                  format: changes[ChangeLook(kind: kind, verdict: change.verdict(for: kpi))])
        }
    }

    private func writeValue(_ value: KPIValue?, row: Int, column: Int, on sheet: XLSXWorksheet) throws(XLSXError) {
        guard let value, let (number, kind) = Self.number(of: value) else {
            try sheet.writeText("no data", row: row, column: column, format: noData)
            return
        }
        try sheet.writeNumber(number, row: row, column: column, format: values[kind])
    }

    private static func number(of value: KPIValue) -> (Double, Kind)? {
        switch value {
        case .count(let count): return (Double(count), .count)
        case .rate(let ratio): return XLSXCellEncoder.number(ratio).map { ($0, .rate) }
        case .seconds(let microseconds): return (XLSXCellEncoder.seconds(microseconds), .seconds)
        }
    }

    /// A change as the number written: a rate's in percentage points.
    private static func number(of change: KPIChange) -> (Double, Kind)? {
        switch change {
        case .noData: return nil
        case .count(let count): return (Double(count), .count)
        case .rate(let ratio): return XLSXCellEncoder.number(ratio).map { ($0 * 100, .rate) }
        case .seconds(let microseconds): return (XLSXCellEncoder.seconds(microseconds), .seconds)
        }
    }

    private static func valueFormat(_ kind: Kind) -> String {
        switch kind {
        case .count: "#,##0"
        case .rate: "0.00%"
        case .seconds: "0.000"
        }
    }

    /// `▲ +12`, `▼ -1.25 pp, worse`, `= 0.000 s`: the sign, the unit, and the verdict's word.
    private static func changeStyle(_ kind: Kind, _ verdict: KPIChange.Verdict) -> XLSXStyle {
        let number: String
        switch kind {
        case .count: number = "#,##0"
        case .rate: number = "0.00\" pp\""
        case .seconds: number = "0.000\" s\""
        }
        let word: String
        switch verdict {
        case .better: word = "\", better\""
        case .worse: word = "\", worse\""
        case .unchanged, .neutral: word = ""
        }
        let format = "\"▲ \"+\(number)\(word);\"▼ \"-\(number)\(word);\"= \"\(number)"
        switch verdict {
        case .better:
            return XLSXStyle(fontColor: XLSXColor(rgb: 0x006100), fillColor: XLSXColor(rgb: 0xC6EFCE),
                             numberFormat: format)
        case .worse:
            return XLSXStyle(fontColor: XLSXColor(rgb: 0x9C0006), fillColor: XLSXColor(rgb: 0xFFC7CE),
                             numberFormat: format)
        case .unchanged, .neutral:
            return XLSXStyle(numberFormat: format)
        }
    }
}
