/// Rows of cell values ready to write, with their text already in C form. A batch
/// is a plain value: it can be filled on any task and handed to the one task that
/// owns the workbook, which writes it with
/// ``XLSXWorksheet/write(_:rows:toRow:formats:)``.
///
/// Cells are appended row by row, left to right. Each names its format by a slot,
/// an index into the formats given when the batch is written.
package struct XLSXCellBatch: Sendable {
    /// One cell of a batch.
    package enum Entry: Sendable {
        case blank
        case number(Double, slot: UInt8)
        case text(offset: Int, slot: UInt8)
        case boolean(Bool, slot: UInt8)
    }

    /// Cells in a row.
    package let columnCount: Int
    package private(set) var entries: [Entry] = []
    /// Every text cell's NUL-terminated UTF-8, one after another.
    package private(set) var textBytes: [UInt8] = []

    /// An empty batch of rows of `columnCount` cells.
    package init(columnCount: Int, reservingRows rows: Int = 0) {
        self.columnCount = columnCount
        entries.reserveCapacity(rows * columnCount)
    }

    /// Complete rows in the batch.
    package var rowCount: Int {
        columnCount == 0 ? 0 : entries.count / columnCount
    }

    /// Appends an empty cell.
    package mutating func appendBlank() {
        entries.append(.blank)
    }

    /// Appends a number cell.
    package mutating func appendNumber(_ value: Double, slot: UInt8 = 0) {
        entries.append(.number(value, slot: slot))
    }

    /// Appends a text cell: always a string, never a formula, whatever it starts
    /// with. Text over ``XLSXLimits/charactersPerCell`` characters is cut to fit.
    package mutating func appendText(_ text: String, slot: UInt8 = 0) {
        let offset = textBytes.count
        XLSXCellText.append(text, to: &textBytes)
        entries.append(.text(offset: offset, slot: slot))
    }

    /// Appends a TRUE/FALSE cell.
    package mutating func appendBoolean(_ value: Bool, slot: UInt8 = 0) {
        entries.append(.boolean(value, slot: slot))
    }
}
