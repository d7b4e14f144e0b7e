/// Excel's limits that a workbook must respect.
package enum XLSXLimits {
    /// Rows on one worksheet, the header included (Excel's 1,048,576).
    package static let rowsPerSheet = 1_048_576
    /// Data rows on one worksheet under a one-row header.
    package static let dataRowsPerSheet = rowsPerSheet - 1
    /// Columns on one worksheet.
    package static let columnsPerSheet = 16_384
    /// Characters (Unicode scalars, as libxlsxwriter counts them) in one cell.
    package static let charactersPerCell = 32_767
    /// Bytes of a number format.
    package static let numberFormatBytes = 127
    /// Bytes of a printed header or footer, codes included.
    package static let headerFooterBytes = 255
    /// Manual horizontal page breaks on one worksheet.
    package static let horizontalPageBreaks = 1023
}
