import CXlsxWriter
import Testing
@testable import XLSXWriter

/// The page setup of the generic layer: footers whose text cannot turn into Excel
/// codes or pass the library's length limit, and page breaks it refuses.
@Suite struct XLSXPageSetupTests {
    @Test func aFootersTextIsEscapedAndItsFieldsAreCodes() {
        let footer = XLSXFooter(left: [.text("A&B · "), .sheetName],
                                right: [.text("Page "), .pageNumber, .text(" of "), .pageCount])
        #expect(footer.code() == "&LA&&B · &A&RPage &P of &N")
    }

    @Test func aLongFooterIsCutToTheLibrarysLimitWithoutHalfAnEscape() {
        let footer = XLSXFooter(left: [.text(String(repeating: "&", count: 300))], right: [.pageNumber])
        let code = footer.code()
        #expect(code.utf8.count <= XLSXLimits.headerFooterBytes)
        #expect(code.hasSuffix("&R&P"))
        let literal = code.dropFirst(2).dropLast(4)
        #expect(literal.count % 2 == 0 && literal.allSatisfy { $0 == "&" })
    }

    @Test func pageSetupIsWrittenAndBadBreaksAreRefused() throws {
        let folder = try TemporaryFolder()
        let book = try XLSXWorkbook(path: "\(folder.path)/print.xlsx", options: XLSXWorkbookOptions(temporaryFolder: folder.path))
        let sheet = try book.addWorksheet(named: "data")
        try sheet.setPaper(.a4)
        try sheet.setLandscape()
        try sheet.fitToPages(wide: 1, tall: 0)
        try sheet.repeatRows(0...0)
        try sheet.setFooter(XLSXFooter(left: [.text(String(repeating: "x", count: 400))], right: [.pageCount]))
        let outOfRange = XLSXError(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, function: "worksheet_set_h_pagebreaks")
        #expect(throws: outOfRange) { try sheet.setHorizontalPageBreaks([0]) }
        #expect(throws: XLSXError(LXW_ERROR_PARAMETER_VALIDATION, function: "worksheet_set_h_pagebreaks")) {
            try sheet.setHorizontalPageBreaks(Array(1...(XLSXLimits.horizontalPageBreaks + 1)))
        }
        try sheet.setHorizontalPageBreaks([20, 40])
        try book.close()
        #expect(try folder.files() == ["print.xlsx"])
    }
}
