import CXlsxWriter
import SMSSupport

/// The kinds of chart a workbook can hold.
package enum XLSXChartKind: Sendable {
    /// Vertical bars side by side.
    case column
    /// Vertical bars, the series stacked on one another.
    case stackedColumn
    /// A line per series through its points, each point marked by a small circle; a
    /// blank cell leaves a gap in the line (Excel's default), never a drop to zero.
    case line

    package var libraryType: UInt8 {
        switch self {
        case .column: return UInt8(LXW_CHART_COLUMN.rawValue)
        case .stackedColumn: return UInt8(LXW_CHART_COLUMN_STACKED.rawValue)
        case .line: return UInt8(LXW_CHART_LINE.rawValue)
        }
    }
}

/// A rectangle of cells on a named sheet, rows and columns from 0, both ends included.
package struct XLSXCellRange: Sendable, Equatable {
    package var sheet: String
    package var firstRow: Int
    package var firstColumn: Int
    package var lastRow: Int
    package var lastColumn: Int

    package init(sheet: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        self.sheet = sheet
        self.firstRow = firstRow
        self.firstColumn = firstColumn
        self.lastRow = lastRow
        self.lastColumn = lastColumn
    }

    /// Rows `rows` of one column.
    package init(sheet: String, column: Int, rows: ClosedRange<Int>) {
        self.init(sheet: sheet, firstRow: rows.lowerBound, firstColumn: column, lastRow: rows.upperBound, lastColumn: column)
    }
}

/// A chart's axes.
package enum XLSXChartAxis: Sendable {
    /// The axis of the categories (x on a column chart).
    case category
    /// The axis of the values.
    case value
}

/// A native Excel chart, made by ``XLSXWorkbook/addChart(_:)`` and placed with
/// ``XLSXWorksheet/insertChart(_:row:column:scale:)``. Its series read their data
/// from cell ranges, so Excel draws it from the workbook's own cells.
package struct XLSXChart {
    package let workbook: XLSXWorkbook
    /// What the chart draws, which decides how a series' colour is applied.
    package let kind: XLSXChartKind
    private let handle: UnsafeMutablePointer<lxw_chart>

    package init(workbook: XLSXWorkbook, handle: UnsafeMutablePointer<lxw_chart>, kind: XLSXChartKind) {
        self.workbook = workbook
        self.handle = handle
        self.kind = kind
    }

    /// Sets the title. libxlsxwriter reads a title that starts with `=` as a cell
    /// reference, so such a title is refused rather than run; characters that XML does
    /// not allow become U+FFFD.
    package func setTitle(_ title: String) throws(XLSXError) {
        let function = "chart_title_set_name"
        let chart = try liveHandle(in: workbook, function)
        try Self.refuseFormula(title, function)
        chart_title_set_name(chart, XMLText.replacingDisallowedCharacters(title))
    }

    /// Adds a series: its values, its categories, its name taken from the cell
    /// `name` (a header, typically) and its colour: the bars' fill, or on a line
    /// chart the line's and its circle markers'.
    package func addSeries(values: XLSXCellRange, categories: XLSXCellRange,
                          name: (sheet: String, row: Int, column: Int)? = nil,
                          color: XLSXColor? = nil) throws(XLSXError) {
        let function = "chart_add_series"
        let chart = try liveHandle(in: workbook, function)
        let valueCells = try Self.corners(values, function)
        let categoryCells = try Self.corners(categories, function)
        let nameCell = try name.map { (name) throws(XLSXError) in try XLSXWorksheet.cell(name.row, name.column, function) }
        guard let series = chart_add_series(chart, nil, nil) else {
            throw .notCreated(function: function, reason: "could not allocate a series")
        }
        // libxlsxwriter copies sheet names and fills before returning.
        chart_series_set_values(series, values.sheet, valueCells.0, valueCells.1, valueCells.2, valueCells.3)
        chart_series_set_categories(series, categories.sheet, categoryCells.0, categoryCells.1, categoryCells.2,
                                    categoryCells.3)
        if let name, let nameCell {
            chart_series_set_name_range(series, name.sheet, nameCell.0, nameCell.1)
        }
        if kind == .line {
            chart_series_set_marker_type(series, UInt8(LXW_CHART_MARKER_CIRCLE.rawValue))
            chart_series_set_marker_size(series, 5)
        }
        if let color {
            var fill = lxw_chart_fill()
            fill.color = color.rgb
            if kind == .line {
                var line = lxw_chart_line()
                line.color = color.rgb
                line.width = 2
                chart_series_set_line(series, &line)
                chart_series_set_marker_fill(series, &fill)
                chart_series_set_marker_line(series, &line)
            } else {
                chart_series_set_fill(series, &fill)
            }
        }
    }

    /// Sets an axis's title (cleaned as ``setTitle(_:)``), number format and bounds; nil
    /// leaves one as Excel chooses.
    package func setAxis(_ axis: XLSXChartAxis, title: String? = nil, numberFormat: String? = nil,
                        minimum: Double? = nil, maximum: Double? = nil) throws(XLSXError) {
        let function = "chart_axis_set_name"
        let chart = try liveHandle(in: workbook, function)
        guard let target = chart_axis_get(chart, axis == .category ? LXW_CHART_AXIS_TYPE_X : LXW_CHART_AXIS_TYPE_Y) else {
            throw .notCreated(function: "chart_axis_get", reason: "the chart has no such axis")
        }
        if let title {
            try Self.refuseFormula(title, function)
            chart_axis_set_name(target, XMLText.replacingDisallowedCharacters(title))
        }
        if let numberFormat {
            chart_axis_set_num_format(target, numberFormat)
        }
        if let minimum {
            chart_axis_set_min(target, minimum)
        }
        if let maximum {
            chart_axis_set_max(target, maximum)
        }
    }

    /// Shows the legend below the plot, or hides it.
    package func setLegend(visible: Bool) throws(XLSXError) {
        let chart = try liveHandle(in: workbook, "chart_legend_set_position")
        chart_legend_set_position(chart, UInt8(visible ? LXW_CHART_LEGEND_BOTTOM.rawValue : LXW_CHART_LEGEND_NONE.rawValue))
    }

    /// The C chart, checked to belong to `owner` and to be alive.
    package func liveHandle(in owner: XLSXWorkbook, _ function: String) throws(XLSXError) -> UnsafeMutablePointer<lxw_chart> {
        guard workbook === owner else { throw .foreignHandle(function: function) }
        guard workbook.isOpen else { throw .workbookClosed(function: function) }
        return handle
    }

    private static func corners(_ range: XLSXCellRange, _ function: String) throws(XLSXError)
        -> (lxw_row_t, lxw_col_t, lxw_row_t, lxw_col_t) {
        let (top, left) = try XLSXWorksheet.cell(range.firstRow, range.firstColumn, function)
        let (bottom, right) = try XLSXWorksheet.cell(range.lastRow, range.lastColumn, function)
        guard top <= bottom, left <= right else {
            throw XLSXError(LXW_ERROR_PARAMETER_VALIDATION, function: function)
        }
        return (top, left, bottom, right)
    }

    private static func refuseFormula(_ text: String, _ function: String) throws(XLSXError) {
        if text.hasPrefix("=") {
            throw XLSXError(LXW_ERROR_PARAMETER_VALIDATION, function: function)
        }
    }
}
