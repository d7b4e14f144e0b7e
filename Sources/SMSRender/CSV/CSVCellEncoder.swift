import SMSCore

/// Encodes cells as CSV fields (contract §4, §5): RFC 4180 quoting, and a leading
/// `'` on text that a spreadsheet would run as a formula.
package struct CSVCellEncoder {
    /// True to guard text cells against formula injection (`--csv-raw` turns it off).
    package let guardsFormulas: Bool
    /// Converts instants to report-timezone text.
    package var clock: LocalClock

    /// Appends `cell` as one CSV field.
    package mutating func append(_ cell: Cell, to bytes: inout [UInt8]) {
        switch cell {
        case .empty:
            break
        case .text(let text):
            appendText(text, to: &bytes)
        case .integer(let value):
            ASCIIDigits.append(Int64(value), to: &bytes)
        case .number(let literal):
            bytes.append(contentsOf: literal.utf8)
        case .rate(let ratio):
            DecimalText.append(ratio, to: &bytes)
        case .seconds(let microseconds):
            SecondsText.append(microseconds, to: &bytes)
        case .timestamp(let instant):
            clock.appendISO8601(instant, to: &bytes)
        case .day(let day):
            bytes.append(contentsOf: day.description.utf8)
        case .boolean(let flag):
            bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        }
    }

    /// Appends a record: the cells separated by commas, then LF.
    package mutating func appendRow(_ cells: [Cell], to bytes: inout [UInt8]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            append(cell, to: &bytes)
        }
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Appends a text field, guarded and quoted as needed.
    private func appendText(_ text: String, to bytes: inout [UInt8]) {
        let utf8 = text.utf8
        let needsGuard = guardsFormulas && utf8.first.map(Self.startsFormula) == true
        var needsQuotes = false
        for byte in utf8 where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
            needsQuotes = true
            break
        }
        if !needsQuotes && !needsGuard {
            bytes.append(contentsOf: utf8)
            return
        }
        if needsQuotes { bytes.append(UInt8(ascii: "\"")) }
        if needsGuard { bytes.append(UInt8(ascii: "'")) }
        if needsQuotes {
            for byte in utf8 {
                if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                bytes.append(byte)
            }
            bytes.append(UInt8(ascii: "\""))
        } else {
            bytes.append(contentsOf: utf8)
        }
    }

    /// `=`, `+`, `-`, `@`, tab and CR start a formula in common spreadsheets.
    private static func startsFormula(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "@") || byte == 0x09 || byte == 0x0D
    }
}
