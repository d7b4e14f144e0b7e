import XLSXWriter
import SMSCore

/// Turns report cells into workbook cells (contract §5) and keeps the widest
/// content of each column, for the column widths:
///
/// - counts, metrics values, rates and seconds as numbers, rates and seconds
///   rounded as the CSV rounds them (6 and 3 decimals), so both hold one value;
/// - timestamps as Excel date-times of the local wall-clock time in the report
///   timezone, days as Excel dates;
/// - text as strings, cut to Excel's 32,767 characters;
/// - amounts of money (a `.money` column) as numbers with 2 decimals;
/// - flags as TRUE/FALSE; a FALSE in a mixed column (the summary's `complete`) in alert red;
/// - empty cells, and rates over nothing, blank.
package struct XLSXCellEncoder {
    /// Excel's serial day number of 1970-01-01 (in the 1900 date system).
    package static let unixEpochSerial = 25_569.0
    /// Widest content, in characters, that a column is sized for.
    package static let widestContent = 60

    private var clock: LocalClock
    /// The kind of each column, which picks the look of some cells.
    private let kinds: [ColumnKind]
    /// The widest content seen in each column, in characters.
    package private(set) var contentWidths: [Int]

    package init(timeZone: ReportTimeZone, columns: [Column]) {
        clock = LocalClock(timeZone: timeZone)
        kinds = columns.map(\.kind)
        contentWidths = Array(repeating: 0, count: columns.count)
    }

    /// Appends one row of cells to `batch`.
    package mutating func append(_ row: [Cell], to batch: inout XLSXCellBatch) {
        for (column, cell) in row.enumerated() {
            let width = append(cell, kind: column < kinds.count ? kinds[column] : .mixed, to: &batch)
            if column < contentWidths.count, width > contentWidths[column] {
                contentWidths[column] = width
            }
        }
    }

    /// Appends one cell; returns how many characters it shows.
    private mutating func append(_ cell: Cell, kind: ColumnKind, to batch: inout XLSXCellBatch) -> Int {
        switch cell {
        case .empty:
            batch.appendBlank()
            return 0
        case .text(let text):
            batch.appendText(text, slot: XLSXCellStyle.plain.rawValue)
            return Self.characterCount(text)
        case .integer(let value):
            batch.appendNumber(Double(value), slot: XLSXCellStyle.integer.rawValue)
            let digits = Self.digitCount(Int64(value))
            return digits + (digits - 1) / 3
        case .number(let literal):
            if let value = Double(literal), value.isFinite {
                let style = kind == .money ? XLSXCellStyle.money : XLSXCellStyle.plain
                batch.appendNumber(value, slot: style.rawValue)
            } else {
                batch.appendText(literal, slot: XLSXCellStyle.plain.rawValue)
            }
            return literal.utf8.count
        case .rate(let ratio):
            guard let value = Self.number(ratio) else {
                batch.appendBlank()
                return 0
            }
            batch.appendNumber(value, slot: XLSXCellStyle.rate.rawValue)
            return 8
        case .seconds(let microseconds):
            let value = Self.seconds(microseconds)
            batch.appendNumber(value, slot: XLSXCellStyle.seconds.rawValue)
            return Self.digitCount(Int64(value)) + 4
        case .timestamp(let instant):
            batch.appendNumber(excelSerial(instant), slot: XLSXCellStyle.timestamp.rawValue)
            return 23
        case .day(let day):
            batch.appendNumber(Double(day.daysSinceEpoch) + Self.unixEpochSerial, slot: XLSXCellStyle.day.rawValue)
            return 10
        case .boolean(let flag):
            let style = !flag && kind == .mixed ? XLSXCellStyle.alert : XLSXCellStyle.plain
            batch.appendBoolean(flag, slot: style.rawValue)
            return 5
        }
    }

    /// A rate as the CSV rounds it (6 decimals, half to even); nil over nothing.
    package static func number(_ ratio: Ratio) -> Double? {
        guard ratio.denominator != 0 else { return nil }
        let millionths = DecimalText.roundHalfEven(Int128(ratio.numerator) * 1_000_000,
                                                   dividedBy: Int128(ratio.denominator))
        return Double(millionths) / 1_000_000
    }

    /// Microseconds as seconds rounded as the CSV rounds them (3 decimals, half to even).
    package static func seconds(_ microseconds: Int64) -> Double {
        Double(DecimalText.roundHalfEven(Int128(microseconds), dividedBy: 1000)) / 1000
    }

    /// The Excel serial date-time of `instant`'s local wall-clock time.
    private mutating func excelSerial(_ instant: Instant) -> Double {
        let local = instant.microseconds + Int64(clock.offsetSeconds(at: instant)) * 1_000_000
        let microsecondsPerDay: Int64 = 86_400_000_000
        let days = local >= 0 ? local / microsecondsPerDay : (local - microsecondsPerDay + 1) / microsecondsPerDay
        let microsecondOfDay = local - days * microsecondsPerDay
        return Double(days) + Self.unixEpochSerial + Double(microsecondOfDay) / Double(microsecondsPerDay)
    }

    /// Characters of `value` written in decimal, its sign included.
    private static func digitCount(_ value: Int64) -> Int {
        var count = value < 0 ? 2 : 1
        var rest = value.magnitude / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        return count
    }

    /// Characters of `text`, counted up to ``widestContent``.
    private static func characterCount(_ text: String) -> Int {
        var count = 0
        for byte in text.utf8 where byte & 0xC0 != 0x80 {
            count += 1
            if count == widestContent { break }
        }
        return count
    }
}
