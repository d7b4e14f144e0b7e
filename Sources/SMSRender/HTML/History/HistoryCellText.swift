import SMSCore

/// How `history.html` writes a cell of the history table: counts with thousands
/// separators, rates as percentages, seconds with 3 decimals as in the CSV, text as
/// it is, and an empty cell empty. Every value is formatted, none computed.
package enum HistoryCellText {
    /// The text of `cell`; `timeZone` for a timestamp.
    package static func display(_ cell: Cell, timeZone: ReportTimeZone) -> String {
        switch cell {
        case .empty: return ""
        case .seconds(let microseconds): return SecondsText.format(microseconds)
        case .rate(let ratio) where ratio.denominator == 0: return ""
        default: return DisplayFormat.cell(cell, timeZone: timeZone)
        }
    }

    /// True for a cell written right-aligned: a number of any kind.
    package static func isNumeric(_ kind: ColumnKind) -> Bool {
        switch kind {
        case .integer, .number, .money, .rate, .seconds: return true
        case .text, .timestamp, .day, .boolean, .mixed: return false
        }
    }
}
