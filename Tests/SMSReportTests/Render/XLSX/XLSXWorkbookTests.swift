import CXlsxWriter
import Foundation
import Testing
@testable import XLSXWriter

/// The generic libxlsxwriter layer: every library failure is a thrown `XLSXError`
/// carrying `lxw_strerror`'s text, and no handle outlives its workbook.
@Suite struct XLSXWorkbookTests {
    private func workbook(in folder: TemporaryFolder, name: String = "book.xlsx") throws -> XLSXWorkbook {
        try XLSXWorkbook(path: "\(folder.path)/\(name)",
                         options: XLSXWorkbookOptions(constantMemory: true, temporaryFolder: folder.path))
    }

    private func libraryError(_ code: lxw_error, _ function: String) -> XLSXError {
        .library(function: function, code: code.rawValue, message: String(cString: lxw_strerror(code)))
    }

    @Test func aClosedWorkbookIsWrittenAndLeavesNoTemporaryFiles() throws {
        let folder = try TemporaryFolder()
        let book = try workbook(in: folder)
        let sheet = try book.addWorksheet(named: "data")
        try sheet.writeText("=SUM(A1:A9)", row: 0, column: 0)
        try sheet.writeNumber(42, row: 1, column: 0, format: book.addFormat(XLSXStyle(numberFormat: "0.000")))
        try sheet.writeBoolean(false, row: 2, column: 0)
        try book.close()
        #expect(try folder.files() == ["book.xlsx"])
    }

    @Test func sheetNamesAreValidatedWithTheLibrarysMessage() throws {
        let folder = try TemporaryFolder()
        let book = try workbook(in: folder)
        _ = try book.addWorksheet(named: "summary")
        let duplicate = #expect(throws: XLSXError.self) { try book.addWorksheet(named: "Summary") }
        #expect(duplicate == libraryError(LXW_ERROR_SHEETNAME_ALREADY_USED, "workbook_validate_sheet_name"))
        #expect(duplicate?.description == "libxlsxwriter workbook_validate_sheet_name: Worksheet name is already in use.")
        #expect(throws: libraryError(LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED, "workbook_validate_sheet_name")) {
            try book.addWorksheet(named: String(repeating: "x", count: 32))
        }
    }

    @Test func rowsAlreadyFlushedOrOffTheSheetAreErrors() throws {
        let folder = try TemporaryFolder()
        let book = try workbook(in: folder)
        let sheet = try book.addWorksheet(named: "data")
        try sheet.writeNumber(1, row: 5, column: 0)
        try sheet.writeNumber(2, row: 6, column: 0)
        let outOfRange = libraryError(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, "worksheet_write_number")
        #expect(throws: outOfRange) { try sheet.writeNumber(3, row: 5, column: 0) }
        #expect(throws: outOfRange) { try sheet.writeNumber(3, row: XLSXLimits.rowsPerSheet, column: 0) }
        #expect(throws: outOfRange) { try sheet.writeNumber(3, row: -1, column: 0) }
        #expect(throws: outOfRange) { try sheet.writeNumber(3, row: 7, column: XLSXLimits.columnsPerSheet) }
    }

    @Test func anUncreatableFileFailsAtCloseAndKillsEveryHandle() throws {
        let folder = try TemporaryFolder()
        let book = try XLSXWorkbook(path: "\(folder.path)/missing/book.xlsx",
                                    options: XLSXWorkbookOptions(temporaryFolder: folder.path))
        let sheet = try book.addWorksheet(named: "data")
        let format = try book.addFormat(XLSXStyle(bold: true))
        try sheet.writeText("x", row: 0, column: 0, format: format)
        #expect(throws: libraryError(LXW_ERROR_CREATING_XLSX_FILE, "workbook_close")) { try book.close() }
        #expect(!book.isOpen)
        #expect(throws: XLSXError.workbookClosed(function: "worksheet_write_string")) {
            try sheet.writeText("y", row: 1, column: 0)
        }
        #expect(throws: XLSXError.workbookClosed(function: "workbook_close")) { try book.close() }
    }

    @Test func anAbandonedWorkbookWritesNothing() throws {
        let folder = try TemporaryFolder()
        let book = try workbook(in: folder)
        let sheet = try book.addWorksheet(named: "data")
        try sheet.writeNumber(1, row: 0, column: 0)
        book.abandon()
        book.abandon()
        #expect(try folder.files().isEmpty)
        #expect(throws: XLSXError.workbookClosed(function: "worksheet_write_number")) {
            try sheet.writeNumber(2, row: 1, column: 0)
        }
    }

    @Test func formatsAndChartsStayWithTheirWorkbook() throws {
        let folder = try TemporaryFolder()
        let first = try workbook(in: folder, name: "a.xlsx")
        let second = try workbook(in: folder, name: "b.xlsx")
        let foreignFormat = try first.addFormat(XLSXStyle(bold: true))
        let sheet = try second.addWorksheet(named: "data")
        #expect(throws: XLSXError.foreignHandle(function: "worksheet_write_number")) {
            try sheet.writeNumber(1, row: 0, column: 0, format: foreignFormat)
        }
        let foreignChart = try first.addChart(.column)
        #expect(throws: XLSXError.foreignHandle(function: "worksheet_insert_chart_opt")) {
            try sheet.insertChart(foreignChart, row: 0, column: 0)
        }
    }

    @Test func chartsRefuseFormulaTitlesAndEmptyPlacement() throws {
        let folder = try TemporaryFolder()
        let book = try workbook(in: folder)
        let sheet = try book.addWorksheet(named: "data")
        let chart = try book.addChart(.stackedColumn)
        #expect(throws: libraryError(LXW_ERROR_PARAMETER_VALIDATION, "chart_title_set_name")) {
            try chart.setTitle("=data!A1")
        }
        #expect(throws: libraryError(LXW_ERROR_PARAMETER_VALIDATION, "worksheet_insert_chart_opt")) {
            try sheet.insertChart(chart, row: 0, column: 0)
        }
        try chart.addSeries(values: XLSXCellRange(sheet: "data", column: 1, rows: 1...3),
                            categories: XLSXCellRange(sheet: "data", column: 0, rows: 1...3),
                            name: (sheet: "data", row: 0, column: 1), color: XLSXColor(rgb: 0x2E7D32))
        try sheet.insertChart(chart, row: 0, column: 3)
        try book.close()
    }

    @Test func batchesWriteEveryKindOfCellAndCheckTheirSlots() throws {
        let folder = try TemporaryFolder()
        let book = try workbook(in: folder)
        let sheet = try book.addWorksheet(named: "data")
        var batch = XLSXCellBatch(columnCount: 4)
        for row in 0..<3 {
            batch.appendText("+977 row \(row)")
            batch.appendNumber(Double(row), slot: 1)
            batch.appendBoolean(row % 2 == 0)
            batch.appendBlank()
        }
        let formats = [nil, try book.addFormat(XLSXStyle(numberFormat: "#,##0"))]
        try sheet.write(batch, rows: 0..<2, toRow: 0, formats: formats)
        try sheet.write(batch, rows: 2..<3, toRow: 2, formats: formats)
        #expect(throws: libraryError(LXW_ERROR_PARAMETER_VALIDATION, "worksheet_write_*")) {
            try sheet.write(batch, rows: 0..<1, toRow: 3, formats: [nil])
        }
        #expect(throws: libraryError(LXW_ERROR_PARAMETER_VALIDATION, "worksheet_write_*")) {
            try sheet.write(batch, rows: 2..<4, toRow: 5, formats: formats)
        }
        try book.close()
    }
}
