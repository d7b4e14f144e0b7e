import Foundation

/// A worksheet as openpyxl, an independent reader, sees it: each cell's value,
/// type, number format and colours, and the top rows of its charts' anchors.
struct OpenpyxlSheet: Decodable {
    struct CellLook: Decodable, Equatable {
        /// The value as text (`str()` of openpyxl's value).
        var value: String
        /// openpyxl's data type: `s` string, `n` number, `b` boolean.
        var type: String
        var format: String
        /// `RRGGBB` of the font, or empty.
        var font: String
        /// `RRGGBB` of a solid fill, or empty.
        var fill: String
    }

    /// Cells by coordinate (`D4`); empty cells are left out.
    var cells: [String: CellLook]
    /// The row (from 0) of each chart's top-left corner, and its column.
    var chartAnchors: [[Int]]
    var maxColumn: Int

    private static let script = """
    import json, sys, openpyxl
    sheet = openpyxl.load_workbook(sys.argv[1])[sys.argv[2]]
    def rgb(color):
        return (color.rgb or "")[-6:] if color is not None and isinstance(color.rgb, str) else ""
    cells = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            fill = rgb(cell.fill.fgColor) if cell.fill.fill_type == "solid" else ""
            cells[cell.coordinate] = {"value": str(cell.value), "type": cell.data_type, "format": cell.number_format,
                                      "font": rgb(cell.font.color), "fill": fill}
    anchors = [[chart.anchor._from.row, chart.anchor._from.col] for chart in sheet._charts]
    print(json.dumps({"cells": cells, "chartAnchors": anchors, "maxColumn": sheet.max_column}))
    """

    /// Reads sheet `name` of the workbook at `path` with openpyxl.
    static func read(_ path: String, sheet name: String) throws -> OpenpyxlSheet {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path, name]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode(OpenpyxlSheet.self, from: data)
    }
}
