/// A named table with typed columns: what aggregation makes and every renderer writes.
///
/// Rows are produced on demand, so a table of a million deliveries is never a
/// million arrays of cells in memory at once.
public struct Table: Sendable {
    /// The table's name, as in contract §4 (`by_day`, `deliveries`, …).
    public let name: String
    /// The columns, in order.
    public let columns: [Column]
    /// How many rows the table has.
    public let rowCount: Int
    private let makeRow: @Sendable (Int) -> [Cell]

    /// A table whose row `index` is made by `makeRow(index)`.
    public init(name: String, columns: [Column], rowCount: Int, makeRow: @escaping @Sendable (Int) -> [Cell]) {
        self.name = name
        self.columns = columns
        self.rowCount = rowCount
        self.makeRow = makeRow
    }

    /// A table of rows already in memory.
    public init(name: String, columns: [Column], rows: [[Cell]]) {
        self.init(name: name, columns: columns, rowCount: rows.count) { rows[$0] }
    }

    /// The cells of row `index` (0-based).
    public func row(_ index: Int) -> [Cell] {
        makeRow(index)
    }

    /// Every row, in order.
    public var rows: LazyMapSequence<Range<Int>, [Cell]> {
        (0..<rowCount).lazy.map(makeRow)
    }

    /// The index of the column named `name`.
    public func columnIndex(_ name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }
}
