import SMSCore

extension TableBuilder {
    /// The `limit` rows of `byBatch` with the lowest delivery rate among those with at
    /// least `minimumDeliveries` (see ``ReportHighlights/worstBatches``), as a table
    /// named `worst_batches` with `by_batch`'s columns.
    package static func worstBatches(_ byBatch: Table, limit: Int, minimumDeliveries: Int) -> Table {
        guard let deliveredColumn = byBatch.columnIndex(DeliveryStatus.delivered.rawValue),
              let deliveriesColumn = byBatch.columnIndex("deliveries") else {
            return Table(name: "worst_batches", columns: byBatch.columns, rows: [])
        }
        let ranked = byBatch.rows.enumerated().map { index, row in
            (index: index, row: row,
             delivered: integer(row[deliveredColumn]), deliveries: integer(row[deliveriesColumn]))
        }.filter { $0.deliveries >= minimumDeliveries }
        let worst = ranked.sorted { left, right in
            // delivered ÷ deliveries compared exactly, by cross-multiplying.
            let leftRate = left.delivered * right.deliveries
            let rightRate = right.delivered * left.deliveries
            if leftRate != rightRate { return leftRate < rightRate }
            if left.deliveries != right.deliveries { return left.deliveries > right.deliveries }
            return left.index < right.index
        }
        return Table(name: "worst_batches", columns: byBatch.columns, rows: worst.prefix(limit).map(\.row))
    }

    private static func integer(_ cell: Cell) -> Int {
        if case .integer(let value) = cell { return value }
        return 0
    }
}
