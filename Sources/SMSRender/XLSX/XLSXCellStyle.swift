import XLSXWriter

/// How the report's cells look in the workbook, by kind of value. Each case is a
/// format slot of an ``XLSXCellBatch``.
package enum XLSXCellStyle: UInt8, CaseIterable {
    /// Text and General numbers (metrics values).
    case plain
    /// Counts, with thousands separators.
    case integer
    /// Rates and shares: fractions shown as percentages.
    case rate
    /// Durations in seconds, 3 decimals.
    case seconds
    /// Date-times in the report timezone, to the millisecond.
    case timestamp
    /// Calendar days.
    case day
    /// A flag that is false when something is wrong (the summary's `complete`).
    case alert
    /// Amounts of money, 2 decimals.
    case money

    /// The style behind the slot; nil for General.
    package var style: XLSXStyle? {
        switch self {
        case .plain: return nil
        case .integer: return XLSXStyle(numberFormat: "#,##0")
        case .rate: return XLSXStyle(numberFormat: "0.00%")
        case .seconds: return XLSXStyle(numberFormat: "0.000")
        case .timestamp: return XLSXStyle(numberFormat: "yyyy-mm-dd hh:mm:ss.000")
        case .day: return XLSXStyle(numberFormat: "yyyy-mm-dd")
        case .alert: return XLSXStyle(bold: true, fontColor: XLSXColor(rgb: 0x9C0006), fillColor: XLSXColor(rgb: 0xFFC7CE))
        case .money: return XLSXStyle(numberFormat: "#,##0.00")
        }
    }

    /// The look of every table's header row.
    package static let header = XLSXStyle(bold: true, fillColor: XLSXColor(rgb: 0xD9E1F2), bottomBorder: true)
}

/// The workbook's formats for the report: one per ``XLSXCellStyle`` slot, plus the header's.
package struct XLSXReportFormats {
    /// Indexed by ``XLSXCellStyle/rawValue``.
    package let slots: [XLSXFormat?]
    package let header: XLSXFormat

    package init(in workbook: XLSXWorkbook) throws(XLSXError) {
        var slots: [XLSXFormat?] = []
        for style in XLSXCellStyle.allCases {
            slots.append(try style.style.map { (style) throws(XLSXError) in try workbook.addFormat(style) })
        }
        self.slots = slots
        header = try workbook.addFormat(XLSXCellStyle.header)
    }
}
