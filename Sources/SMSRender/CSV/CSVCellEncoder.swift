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
            day.appendISO(to: &bytes)
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
        var text = text
        text.withUTF8 { utf8 in
            let needsGuard = guardsFormulas && utf8.first.map(Self.startsFormula) == true
            let needsQuotes = Self.needsQuotes(UnsafeRawBufferPointer(utf8))
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
    }

    /// True when the bytes hold a comma, a double quote, LF or CR, which RFC 4180
    /// quotes. Eight bytes are tested at a time: a message text is read for every
    /// delivery.
    private static func needsQuotes(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            // The classic "has a zero byte" test on the word xor each pattern.
            let comma = word ^ (ones &* 0x2C), quote = word ^ (ones &* 0x22)
            let lineFeed = word ^ (ones &* 0x0A), carriageReturn = word ^ (ones &* 0x0D)
            let flagged = (comma &- ones) & ~comma | (quote &- ones) & ~quote
                | (lineFeed &- ones) & ~lineFeed | (carriageReturn &- ones) & ~carriageReturn
            if flagged & highs != 0 {
                return true
            }
            offset += 8
        }
        while offset < bytes.count {
            switch bytes[offset] {
            case UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                return true
            default:
                offset += 1
            }
        }
        return false
    }

    /// `=`, `+`, `-`, `@`, tab and CR start a formula in common spreadsheets.
    private static func startsFormula(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "@") || byte == 0x09 || byte == 0x0D
    }
}
