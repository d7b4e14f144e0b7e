/// Excel's limits that a workbook must respect.
public enum XLSXLimits {
    /// Rows on one worksheet, the header included (Excel's 1,048,576).
    public static let rowsPerSheet = 1_048_576
    /// Data rows on one worksheet under a one-row header.
    public static let dataRowsPerSheet = rowsPerSheet - 1
    /// Columns on one worksheet.
    public static let columnsPerSheet = 16_384
    /// Characters (Unicode scalars, as libxlsxwriter counts them) in one cell.
    public static let charactersPerCell = 32_767
    /// Bytes of a number format.
    public static let numberFormatBytes = 127
}
