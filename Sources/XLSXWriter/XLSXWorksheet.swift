import CXlsxWriter

/// A worksheet of an ``XLSXWorkbook``. Rows and columns count from 0. In
/// constant-memory mode rows must be written top to bottom: a row before the one
/// being written is gone, and writing to it throws.
///
/// Every call checks that the workbook is still open; every libxlsxwriter error
/// is thrown as an ``XLSXError``. Not `Sendable`, like its workbook.
package struct XLSXWorksheet {
    package let workbook: XLSXWorkbook
    private let handle: UnsafeMutablePointer<lxw_worksheet>
    /// The sheet's name.
    package let name: String

    package init(workbook: XLSXWorkbook, handle: UnsafeMutablePointer<lxw_worksheet>, name: String) {
        self.workbook = workbook
        self.handle = handle
        self.name = name
    }

    /// Writes text: always as a string, never as a formula, whatever it starts with.
    /// Text over ``XLSXLimits/charactersPerCell`` characters is cut to fit.
    package func writeText(_ text: String, row: Int, column: Int, format: XLSXFormat? = nil) throws(XLSXError) {
        let function = "worksheet_write_string"
        let sheet = try liveHandle(function)
        let (row, column) = try Self.cell(row, column, function)
        let format = try format?.liveHandle(in: workbook, function)
        var bytes: [UInt8] = []
        XLSXCellText.append(text, to: &bytes)
        let result = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { worksheet_write_string(sheet, row, column, $0.baseAddress, format) }
        }
        try XLSXError.check(result, function)
    }

    /// Writes a number.
    package func writeNumber(_ value: Double, row: Int, column: Int, format: XLSXFormat? = nil) throws(XLSXError) {
        let function = "worksheet_write_number"
        let sheet = try liveHandle(function)
        let (row, column) = try Self.cell(row, column, function)
        try XLSXError.check(worksheet_write_number(sheet, row, column, value, try format?.liveHandle(in: workbook, function)),
                            function)
    }

    /// Writes TRUE or FALSE.
    package func writeBoolean(_ value: Bool, row: Int, column: Int, format: XLSXFormat? = nil) throws(XLSXError) {
        let function = "worksheet_write_boolean"
        let sheet = try liveHandle(function)
        let (row, column) = try Self.cell(row, column, function)
        try XLSXError.check(worksheet_write_boolean(sheet, row, column, value ? 1 : 0,
                                                    try format?.liveHandle(in: workbook, function)),
                            function)
    }

    /// Writes rows `rows` of `batch` from row `firstRow` down, from column 0. A cell
    /// whose slot is `s` gets `formats[s]`.
    package func write(_ batch: XLSXCellBatch, rows: Range<Int>, toRow firstRow: Int,
                      formats: [XLSXFormat?]) throws(XLSXError) {
        let function = "worksheet_write_*"
        let sheet = try liveHandle(function)
        guard !rows.isEmpty, batch.columnCount > 0 else { return }
        guard rows.lowerBound >= 0, rows.upperBound <= batch.rowCount else {
            throw XLSXError(LXW_ERROR_PARAMETER_VALIDATION, function: function)
        }
        _ = try Self.cell(firstRow, 0, function)
        _ = try Self.cell(firstRow + rows.count - 1, batch.columnCount - 1, function)
        var palette: [UnsafeMutablePointer<lxw_format>?] = []
        for format in formats {
            palette.append(try format?.liveHandle(in: workbook, function))
        }
        try batch.textBytes.withUnsafeBufferPointer { (text) throws(XLSXError) in
            try text.withMemoryRebound(to: CChar.self) { (text) throws(XLSXError) in
                try Self.write(batch, rows: rows, toRow: firstRow, sheet: sheet, palette: palette, text: text)
            }
        }
    }

    /// Sets the width of columns `columns`, in Excel's character units.
    package func setColumnWidth(_ width: Double, columns: ClosedRange<Int>) throws(XLSXError) {
        let function = "worksheet_set_column"
        let sheet = try liveHandle(function)
        let (_, first) = try Self.cell(0, columns.lowerBound, function)
        let (_, last) = try Self.cell(0, columns.upperBound, function)
        try XLSXError.check(worksheet_set_column(sheet, first, last, width, nil), function)
    }

    /// Keeps the rows above `row` and the columns left of `column` in view while scrolling.
    package func freezePanes(row: Int, column: Int) throws(XLSXError) {
        let function = "worksheet_freeze_panes"
        let sheet = try liveHandle(function)
        let (row, column) = try Self.cell(row, column, function)
        worksheet_freeze_panes(sheet, row, column)
    }

    /// Puts filter buttons on `firstRow` over the given range.
    package func setAutofilter(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws(XLSXError) {
        let function = "worksheet_autofilter"
        let sheet = try liveHandle(function)
        let (top, left) = try Self.cell(firstRow, firstColumn, function)
        let (bottom, right) = try Self.cell(lastRow, lastColumn, function)
        try XLSXError.check(worksheet_autofilter(sheet, top, left, bottom, right), function)
    }

    /// Colours the sheet's tab.
    package func setTabColor(_ color: XLSXColor) throws(XLSXError) {
        worksheet_set_tab_color(try liveHandle("worksheet_set_tab_color"), color.rgb)
    }

    /// Places `chart` with its top-left corner on cell (`row`, `column`), moved right
    /// and down by `offset` pixels (which may pass the cell's edges), scaled from
    /// Excel's default 480 × 288 pixels. A chart can be placed once.
    package func insertChart(_ chart: XLSXChart, row: Int, column: Int, offset: (x: Int, y: Int) = (0, 0),
                            scale: (x: Double, y: Double) = (1, 1)) throws(XLSXError) {
        let function = "worksheet_insert_chart_opt"
        let sheet = try liveHandle(function)
        let (row, column) = try Self.cell(row, column, function)
        guard (0...Int(Int32.max)).contains(offset.x), (0...Int(Int32.max)).contains(offset.y) else {
            throw XLSXError(LXW_ERROR_PARAMETER_VALIDATION, function: function)
        }
        var options = lxw_chart_options()
        options.x_offset = Int32(offset.x)
        options.y_offset = Int32(offset.y)
        options.x_scale = scale.x
        options.y_scale = scale.y
        try XLSXError.check(worksheet_insert_chart_opt(sheet, row, column, try chart.liveHandle(in: workbook, function),
                                                       &options),
                            function)
    }

    /// The C worksheet, or `workbookClosed` for `function` when its workbook is gone.
    package func liveHandle(_ function: String) throws(XLSXError) -> UnsafeMutablePointer<lxw_worksheet> {
        guard workbook.isOpen else { throw .workbookClosed(function: function) }
        return handle
    }

    /// `row` and `column` as libxlsxwriter's types, or the library's out-of-range error.
    package static func cell(_ row: Int, _ column: Int, _ function: String) throws(XLSXError) -> (lxw_row_t, lxw_col_t) {
        guard (0..<XLSXLimits.rowsPerSheet).contains(row), (0..<XLSXLimits.columnsPerSheet).contains(column) else {
            throw XLSXError(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, function: function)
        }
        return (lxw_row_t(row), lxw_col_t(column))
    }

    /// The cell loop of ``write(_:rows:toRow:formats:)``; rows and columns already checked.
    private static func write(_ batch: XLSXCellBatch, rows: Range<Int>, toRow firstRow: Int,
                              sheet: UnsafeMutablePointer<lxw_worksheet>, palette: [UnsafeMutablePointer<lxw_format>?],
                              text: UnsafeBufferPointer<CChar>) throws(XLSXError) {
        let columns = batch.columnCount
        for batchRow in rows {
            let row = lxw_row_t(firstRow + batchRow - rows.lowerBound)
            for column in 0..<columns {
                let entry = batch.entries[batchRow * columns + column]
                let result: lxw_error
                switch entry {
                case .blank:
                    continue
                case let .number(value, slot):
                    result = worksheet_write_number(sheet, row, lxw_col_t(column), value, try format(slot, palette))
                case let .text(offset, slot):
                    result = worksheet_write_string(sheet, row, lxw_col_t(column), text.baseAddress.map { $0 + offset },
                                                    try format(slot, palette))
                case let .boolean(value, slot):
                    result = worksheet_write_boolean(sheet, row, lxw_col_t(column), value ? 1 : 0, try format(slot, palette))
                }
                if result != LXW_NO_ERROR {
                    throw XLSXError(result, function: entry.writingFunction)
                }
            }
        }
    }

    private static func format(_ slot: UInt8, _ palette: [UnsafeMutablePointer<lxw_format>?]) throws(XLSXError)
        -> UnsafeMutablePointer<lxw_format>? {
        guard Int(slot) < palette.count else {
            throw XLSXError(LXW_ERROR_PARAMETER_VALIDATION, function: "worksheet_write_*")
        }
        return palette[Int(slot)]
    }
}

extension XLSXCellBatch.Entry {
    /// The libxlsxwriter function that writes this kind of cell.
    package var writingFunction: String {
        switch self {
        case .blank: return "worksheet_write_blank"
        case .number: return "worksheet_write_number"
        case .text: return "worksheet_write_string"
        case .boolean: return "worksheet_write_boolean"
        }
    }
}
