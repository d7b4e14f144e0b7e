import SMSSupport
import XLSXWriter
import SMSCore

/// Cells written beside a table on its first sheet, row by row as the table's rows
/// are written: a constant-memory sheet cannot go back to a row it has left.
package protocol XLSXCellsBeside {
    /// Rows the cells take from the sheet's top (row 0, the header's), which may be
    /// more than the table's.
    var rowCount: Int { get }
    /// Writes the cells of sheet row `row`.
    func write(row: Int, on sheet: XLSXWorksheet) throws(XLSXError)
}

/// Writes one table on worksheets named after it (contract §5): a bold, filled
/// header, the top row frozen, an autofilter over the table and columns sized to
/// their content. Each sheet prints one page wide (``XLSXPrintLayout``). Past
/// `rowsPerSheet` data rows the table goes on to `<name> (2)`, `<name> (3)`… each
/// with its own header.
///
/// Rows are turned into cells on every core, a chunk at a time, and written in
/// order on the calling task (the workbook's): a chunk is in memory only until it
/// is written. Column widths come from the header and every row, measured while
/// the rows are turned into cells, so no table is read twice.
package struct XLSXTableWriter {
    package let workbook: XLSXWorkbook
    package let formats: XLSXReportFormats
    package let timeZone: ReportTimeZone
    /// Data rows per sheet, under the header.
    package let rowsPerSheet: Int
    /// The workbook's file name, as the progress names it.
    package var fileName = XLSXRenderer.fileName

    /// A chunk of rows ready to write, and the widest content of each of its columns.
    private struct Chunk: Sendable {
        var batch: XLSXCellBatch
        var contentWidths: [Int]
    }

    /// Writes `table`; returns its sheets, in order. With `firstSheet`, a sheet added
    /// earlier under the table's name, the table starts there instead of on a new one;
    /// with `beside`, those cells go on the first sheet too.
    package func write(_ table: Table, firstSheet: XLSXWorksheet? = nil, beside: (any XLSXCellsBeside)? = nil,
               progress: any ProgressSink) async throws(XLSXError) -> [XLSXWorksheet] {
        let columnCount = table.columns.count
        let columns = table.columns
        let first: XLSXWorksheet
        if let firstSheet {
            first = firstSheet
        } else {
            first = try addSheet(for: table, number: 1)
        }
        var sheets = [try prepare(first, for: table, number: 1)]
        try beside?.write(row: 0, on: first)
        var contentWidths = table.columns.map { Self.headerWidth($0.name) }
        let timeZone = timeZone
        let stage = "writing \(fileName): \(table.name)"
        progress.update(stage: stage, done: 0, total: table.rowCount, unit: "rows")
        try await ParallelChunkFormatter().formatRows(count: table.rowCount, format: { rows in
            var encoder = XLSXCellEncoder(timeZone: timeZone, columns: columns)
            var batch = XLSXCellBatch(columnCount: columnCount, reservingRows: rows.count)
            for index in rows {
                encoder.append(table.row(index), to: &batch)
            }
            return Chunk(batch: batch, contentWidths: encoder.contentWidths)
        }, consume: { (chunk: Chunk, rows: Range<Int>) throws(XLSXError) in
            // A cancelled report (a stop signal, the account's deadline) stops between chunks.
            guard !Task.isCancelled else { throw .cancelled }
            var written = 0
            while written < rows.count {
                let tableRow = rows.lowerBound + written
                let sheetIndex = tableRow / rowsPerSheet
                if sheetIndex == sheets.count {
                    sheets.append(try prepare(try addSheet(for: table, number: sheetIndex + 1), for: table,
                                              number: sheetIndex + 1))
                }
                let rowOnSheet = tableRow % rowsPerSheet
                var count = min(rows.count - written, rowsPerSheet - rowOnSheet)
                if let beside, sheetIndex == 0, rowOnSheet + 1 < beside.rowCount {
                    count = 1
                }
                try sheets[sheetIndex].write(chunk.batch, rows: written..<(written + count), toRow: 1 + rowOnSheet,
                                             formats: formats.slots)
                if let beside, sheetIndex == 0, rowOnSheet + 1 < beside.rowCount {
                    try beside.write(row: rowOnSheet + 1, on: sheets[0])
                }
                written += count
            }
            for (column, width) in chunk.contentWidths.enumerated() where width > contentWidths[column] {
                contentWidths[column] = width
            }
            progress.update(stage: stage, done: rows.upperBound, total: table.rowCount, unit: "rows")
        })
        if let beside {
            let rowsWritten = min(table.rowCount, rowsPerSheet) + 1
            for row in rowsWritten..<max(beside.rowCount, rowsWritten) {
                try beside.write(row: row, on: first)
            }
        }
        let widths = contentWidths.map { Double(min($0, XLSXCellEncoder.widestContent) + 2) }
        for sheet in sheets {
            for (column, width) in widths.enumerated() {
                try sheet.setColumnWidth(width, columns: column...column)
            }
            try XLSXPrintLayout.apply(to: sheet, widthPixels: widths.map(XLSXPrintLayout.columnPixels).reduce(0, +),
                                      repeatedRow: 0)
        }
        progress.finish(stage: stage)
        return sheets
    }

    /// The name of the table's sheet `number` (from 1).
    package static func sheetName(_ tableName: String, number: Int) -> String {
        number == 1 ? tableName : "\(tableName) (\(number))"
    }

    /// Adds sheet `number` of a table named `tableName`, empty.
    package func addSheet(named tableName: String, number: Int = 1) throws(XLSXError) -> XLSXWorksheet {
        try workbook.addWorksheet(named: Self.sheetName(tableName, number: number))
    }

    private func addSheet(for table: Table, number: Int) throws(XLSXError) -> XLSXWorksheet {
        try addSheet(named: table.name, number: number)
    }

    /// Gives sheet `number` of `table` its header, frozen top row and autofilter.
    private func prepare(_ sheet: XLSXWorksheet, for table: Table, number: Int) throws(XLSXError) -> XLSXWorksheet {
        for (column, header) in table.columns.enumerated() {
            try sheet.writeText(header.name, row: 0, column: column, format: formats.header)
        }
        let rowsBefore = (number - 1) * rowsPerSheet
        let dataRows = min(rowsPerSheet, max(0, table.rowCount - rowsBefore))
        try sheet.freezePanes(row: 1, column: 0)
        try sheet.setAutofilter(firstRow: 0, firstColumn: 0, lastRow: dataRows, lastColumn: max(0, table.columns.count - 1))
        return sheet
    }

    /// Characters a header needs: its name and the autofilter's button.
    private static func headerWidth(_ name: String) -> Int {
        name.count + 2
    }
}
