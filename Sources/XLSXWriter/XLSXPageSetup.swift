import CXlsxWriter
import SMSSupport

/// A paper size for printing, by its Excel code.
package enum XLSXPaper: UInt8, Sendable {
    /// US Letter, 8.5 × 11 in.
    case letter = 1
    /// A4, 210 × 297 mm.
    case a4 = 9
}

/// A printed page's margins, in inches (Excel's unit for them).
package struct XLSXMargins: Sendable, Equatable {
    package var left: Double
    package var right: Double
    package var top: Double
    package var bottom: Double

    package init(left: Double, right: Double, top: Double, bottom: Double) {
        self.left = left
        self.right = right
        self.top = top
        self.bottom = bottom
    }
}

/// The text of a printed page's footer: a left and a right part, each made of
/// literal text and fields that Excel fills in per page.
package struct XLSXFooter: Sendable, Equatable {
    /// One piece of a footer part.
    package enum Piece: Sendable, Equatable {
        /// Text printed as it is: `&` is doubled so that Excel does not read a code.
        case text(String)
        /// The sheet's tab name (`&A`).
        case sheetName
        /// The page's number (`&P`).
        case pageNumber
        /// The number of pages (`&N`).
        case pageCount
    }

    package var left: [Piece]
    package var right: [Piece]

    package init(left: [Piece], right: [Piece]) {
        self.left = left
        self.right = right
    }

    /// The footer in Excel's code (`&L…&R…`), at most `maximumBytes` UTF-8 bytes:
    /// literal text is cleaned of characters XML does not allow and cut to fit.
    package func code(maximumBytes: Int = XLSXLimits.headerFooterBytes) -> String {
        let fieldBytes = 4 + (left + right).filter { if case .text = $0 { false } else { true } }.count * 2
        var budget = max(0, maximumBytes - fieldBytes)
        func render(_ pieces: [Piece]) -> String {
            pieces.map { piece in
                switch piece {
                case .sheetName: return "&A"
                case .pageNumber: return "&P"
                case .pageCount: return "&N"
                case .text(let text):
                    let kept = Self.prefix(of: Self.escaped(text), bytes: budget)
                    budget -= kept.utf8.count
                    return kept
                }
            }.joined()
        }
        return "&L" + render(left) + "&R" + render(right)
    }

    private static func escaped(_ text: String) -> String {
        XMLText.replacingDisallowedCharacters(text).replacingOccurrences(of: "&", with: "&&")
    }

    /// The longest prefix of `text` of at most `bytes` UTF-8 bytes that does not end
    /// in half of a doubled `&`.
    private static func prefix(of text: String, bytes: Int) -> String {
        var kept = ""
        var count = 0
        for character in text {
            let size = String(character).utf8.count
            if count + size > bytes { break }
            kept.append(character)
            count += size
        }
        let trailingAmpersands = kept.reversed().prefix { $0 == "&" }.count
        return trailingAmpersands % 2 == 1 ? String(kept.dropLast()) : kept
    }
}

extension XLSXWorksheet {
    /// Prints the sheet across the paper (landscape); the default is portrait.
    package func setLandscape() throws(XLSXError) {
        worksheet_set_landscape(try liveHandle("worksheet_set_landscape"))
    }

    /// Prints on `paper`; without this, Excel uses the printer's default.
    package func setPaper(_ paper: XLSXPaper) throws(XLSXError) {
        worksheet_set_paper(try liveHandle("worksheet_set_paper"), paper.rawValue)
    }

    /// Sets the printed margins.
    package func setMargins(_ margins: XLSXMargins) throws(XLSXError) {
        worksheet_set_margins(try liveHandle("worksheet_set_margins"), margins.left, margins.right, margins.top,
                              margins.bottom)
    }

    /// Shrinks the printout to at most `wide` pages across and `tall` pages down;
    /// 0 leaves that direction as long as it needs (`fitToPages(wide: 1, tall: 0)`:
    /// one page wide, any height).
    package func fitToPages(wide: Int, tall: Int) throws(XLSXError) {
        let function = "worksheet_fit_to_pages"
        let sheet = try liveHandle(function)
        guard (0...Int(UInt16.max)).contains(wide), (0...Int(UInt16.max)).contains(tall) else {
            throw XLSXError(LXW_ERROR_PARAMETER_VALIDATION, function: function)
        }
        worksheet_fit_to_pages(sheet, UInt16(wide), UInt16(tall))
    }

    /// Prints rows `rows` again at the top of every printed page after the one they are on.
    package func repeatRows(_ rows: ClosedRange<Int>) throws(XLSXError) {
        let function = "worksheet_repeat_rows"
        let sheet = try liveHandle(function)
        let (first, _) = try Self.cell(rows.lowerBound, 0, function)
        let (last, _) = try Self.cell(rows.upperBound, 0, function)
        try XLSXError.check(worksheet_repeat_rows(sheet, first, last), function)
    }

    /// Starts a new printed page at each of `rows` (rows from 0; row 0 is already a
    /// page's first, so it is refused with the other out-of-range rows). At most
    /// ``XLSXLimits/horizontalPageBreaks`` breaks.
    package func setHorizontalPageBreaks(_ rows: [Int]) throws(XLSXError) {
        let function = "worksheet_set_h_pagebreaks"
        let sheet = try liveHandle(function)
        guard !rows.isEmpty else { return }
        guard rows.count <= XLSXLimits.horizontalPageBreaks else {
            throw XLSXError(LXW_ERROR_PARAMETER_VALIDATION, function: function)
        }
        var breaks: [lxw_row_t] = []
        for row in rows {
            guard row > 0 else { throw XLSXError(LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, function: function) }
            breaks.append(try Self.cell(row, 0, function).0)
        }
        breaks.append(0)
        try XLSXError.check(worksheet_set_h_pagebreaks(sheet, &breaks), function)
    }

    /// Prints `footer` at the foot of every page.
    package func setFooter(_ footer: XLSXFooter) throws(XLSXError) {
        let function = "worksheet_set_footer"
        let sheet = try liveHandle(function)
        try XLSXError.check(worksheet_set_footer(sheet, footer.code()), function)
    }
}
