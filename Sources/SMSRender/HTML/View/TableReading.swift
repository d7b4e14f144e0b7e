import SMSCore

/// A row of a table whose cells are read by column name, so that the page's views
/// take values from the tables aggregation made instead of computing them.
package struct NamedRow {
    package let cells: [Cell]
    package let columnIndex: [String: Int]

    /// The cell of column `name`, or ``Cell/empty`` when the table has no such column.
    package subscript(_ name: String) -> Cell {
        columnIndex[name].map { cells[$0] } ?? .empty
    }

    /// The integer in column `name`, or 0 when the cell holds none.
    package func integer(_ name: String) -> Int {
        if case .integer(let value) = self[name] { return value }
        return 0
    }
}

extension Table {
    /// Every row, read by column name.
    package var namedRows: [NamedRow] {
        let index = Dictionary(columns.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { first, _ in first })
        return rows.map { NamedRow(cells: $0, columnIndex: index) }
    }
}
