import XLSXWriter

/// How the workbooks' sheets print (issue 14): on A4 (a Letter user changes the
/// paper in Excel's Page Setup), one page wide and as many pages tall as needed,
/// landscape when the sheet is wider than portrait A4's printable width, the header
/// row again at the top of every page, and a footer with the sheet's name and
/// `Page x of y`.
///
/// Widths are in Excel's pixels (96 per inch): a column `w` characters wide is
/// `7·w + 5` pixels, a row of the default font 20 pixels.
package enum XLSXPrintLayout {
    /// Half an inch left and right, Excel's 0.75 in top and bottom.
    package static let margins = XLSXMargins(left: 0.5, right: 0.5, top: 0.75, bottom: 0.75)
    /// The printable width of portrait A4 (8.27 in) between the margins: 697 pixels.
    package static let portraitWidthPixels = Int((8.27 - margins.left - margins.right) * 96)
    /// Rows of 20 pixels that a landscape A4 page holds between its margins at 100%
    /// (6.77 in, 32 rows), less the repeated header row and one row of slack. Printing
    /// one page wide only ever shrinks a sheet, so a page holds at least this many.
    package static let landscapeRowsPerPage = 30
    /// The height of a default row, in pixels.
    package static let rowPixels = 20

    /// The pixels of a column `characters` wide.
    package static func columnPixels(_ characters: Double) -> Int {
        Int((characters * 7).rounded(.up)) + 5
    }

    /// Sets up `sheet` for printing: A4, the margins, one page wide, the footer
    /// (`footerPrefix` before the sheet's name), landscape when `widthPixels` is over
    /// ``portraitWidthPixels``, and `repeatedRow` (a header) atop every page.
    package static func apply(to sheet: XLSXWorksheet, widthPixels: Int, repeatedRow: Int?,
                              footerPrefix: [XLSXFooter.Piece] = []) throws(XLSXError) {
        try sheet.setPaper(.a4)
        try sheet.setMargins(margins)
        if widthPixels > portraitWidthPixels {
            try sheet.setLandscape()
        }
        try sheet.fitToPages(wide: 1, tall: 0)
        if let repeatedRow {
            try sheet.repeatRows(repeatedRow...repeatedRow)
        }
        try sheet.setFooter(XLSXFooter(left: footerPrefix + [.sheetName],
                                       right: [.text("Page "), .pageNumber, .text(" of "), .pageCount]))
    }

    /// The first row of each band of charts (charts side by side, `heights` pixels
    /// tall) stacked from `firstRow` down with a blank row between bands, and the page
    /// breaks that keep each band on one landscape page: a band that would cross the
    /// foot of its page starts a new page, never before `keepTogetherUntil` (the row
    /// after a table that should print whole).
    package static func stack(bandHeights heights: [Int], from firstRow: Int,
                              keepTogetherUntil: Int) -> (rows: [Int], pageBreaks: [Int]) {
        var cursor = firstRow
        var pageStart = 0
        var rows: [Int] = []
        var breaks: [Int] = []
        for height in heights {
            let rowsTall = (height + rowPixels - 1) / rowPixels
            if cursor + rowsTall > pageStart + landscapeRowsPerPage {
                pageStart = max(cursor, keepTogetherUntil)
                breaks.append(pageStart)
                // One blank row under the break: LibreOffice starts the new page a row
                // later than Excel does, and a chart on the break's row would print on both.
                cursor = pageStart + 1
            }
            rows.append(cursor)
            cursor += rowsTall + 1
        }
        return (rows, breaks)
    }
}
