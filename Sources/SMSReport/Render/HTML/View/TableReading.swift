/// A row of a table whose cells are read by column name, so that the page's views
/// take values from the tables aggregation made instead of computing them.
struct NamedRow {
    let cells: [Cell]
    let columnIndex: [String: Int]

    /// The cell of column `name`, or ``Cell/empty`` when the table has no such column.
    subscript(_ name: String) -> Cell {
        columnIndex[name].map { cells[$0] } ?? .empty
    }

    /// The integer in column `name`, or 0 when the cell holds none.
    func integer(_ name: String) -> Int {
        if case .integer(let value) = self[name] { return value }
        return 0
    }
}

extension Table {
    /// Every row, read by column name.
    var namedRows: [NamedRow] {
        let index = Dictionary(columns.enumerated().map { ($0.element.name, $0.offset) }, uniquingKeysWith: { first, _ in first })
        return rows.map { NamedRow(cells: $0, columnIndex: index) }
    }
}

/// The `summary` table (`metric,value`) read by metric name.
struct SummaryValues {
    private let values: [String: Cell]

    init(_ summary: Table) {
        var values: [String: Cell] = [:]
        for row in summary.rows where row.count == 2 {
            if case .text(let metric) = row[0] { values[metric] = row[1] }
        }
        self.values = values
    }

    /// The value of `metric`, or ``Cell/empty``.
    subscript(_ metric: String) -> Cell {
        values[metric] ?? .empty
    }

    /// The count of `metric`, or 0.
    func integer(_ metric: String) -> Int {
        if case .integer(let value) = self[metric] { return value }
        return 0
    }
}
