/// A named table with typed columns: what aggregation makes and every renderer writes.
///
/// Rows are produced on demand, so a table of a million deliveries is never a
/// million arrays of cells in memory at once.
package struct Table: Sendable {
    /// The table's name, as in contract §4 (`by_day`, `deliveries`, …).
    package let name: String
    /// The columns, in order.
    package let columns: [Column]
    /// How many rows the table has.
    package let rowCount: Int
    private let makeRow: @Sendable (Int) -> [Cell]

    /// A table whose row `index` is made by `makeRow(index)`.
    package init(name: String, columns: [Column], rowCount: Int, makeRow: @escaping @Sendable (Int) -> [Cell]) {
        self.name = name
        self.columns = columns
        self.rowCount = rowCount
        self.makeRow = makeRow
    }

    /// A table of rows already in memory.
    package init(name: String, columns: [Column], rows: [[Cell]]) {
        self.init(name: name, columns: columns, rowCount: rows.count) { rows[$0] }
    }

    /// The cells of row `index` (0-based).
    package func row(_ index: Int) -> [Cell] {
        makeRow(index)
    }

    /// Every row, in order.
    package var rows: LazyMapSequence<Range<Int>, [Cell]> {
        (0..<rowCount).lazy.map(makeRow)
    }

    /// The index of the column named `name`.
    package func columnIndex(_ name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }
}
