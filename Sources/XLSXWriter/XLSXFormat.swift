import CXlsxWriter

/// An RGB colour, `0xRRGGBB`.
package struct XLSXColor: Sendable, Hashable {
    package var rgb: UInt32

    package init(rgb: UInt32) {
        self.rgb = rgb & 0xFF_FFFF
    }
}

/// How a cell looks: what ``XLSXWorkbook/addFormat(_:)`` turns into a format.
package struct XLSXStyle: Sendable, Hashable {
    package var bold: Bool
    /// The font size in points; nil for the workbook's default (11).
    package var fontSize: Double?
    package var fontColor: XLSXColor?
    /// A solid background.
    package var fillColor: XLSXColor?
    /// A thin line under the cell.
    package var bottomBorder: Bool
    /// A thin line over the cell.
    package var topBorder: Bool
    /// An Excel number format such as `0.00%` or `yyyy-mm-dd`; nil for General.
    package var numberFormat: String?

    package init(bold: Bool = false, fontSize: Double? = nil, fontColor: XLSXColor? = nil, fillColor: XLSXColor? = nil,
                bottomBorder: Bool = false, topBorder: Bool = false, numberFormat: String? = nil) {
        self.bold = bold
        self.fontSize = fontSize
        self.topBorder = topBorder
        self.fontColor = fontColor
        self.fillColor = fillColor
        self.bottomBorder = bottomBorder
        self.numberFormat = numberFormat
    }

    /// Sets this style on a new libxlsxwriter format (which copies every value).
    package func apply(to format: UnsafeMutablePointer<lxw_format>) {
        if bold { format_set_bold(format) }
        if let fontSize { format_set_font_size(format, fontSize) }
        if let fontColor { format_set_font_color(format, fontColor.rgb) }
        if let fillColor { format_set_bg_color(format, fillColor.rgb) }
        if bottomBorder { format_set_bottom(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        if topBorder { format_set_top(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        if let numberFormat { format_set_num_format(format, numberFormat) }
    }
}

/// A cell format of one workbook, made by ``XLSXWorkbook/addFormat(_:)``. It is
/// valid while its workbook is open.
package struct XLSXFormat {
    package let workbook: XLSXWorkbook
    private let handle: UnsafeMutablePointer<lxw_format>

    package init(workbook: XLSXWorkbook, handle: UnsafeMutablePointer<lxw_format>) {
        self.workbook = workbook
        self.handle = handle
    }

    /// The C format, checked to belong to `owner` and to be alive.
    package func liveHandle(in owner: XLSXWorkbook, _ function: String) throws(XLSXError) -> UnsafeMutablePointer<lxw_format> {
        guard workbook === owner else { throw .foreignHandle(function: function) }
        guard workbook.isOpen else { throw .workbookClosed(function: function) }
        return handle
    }
}
