import SQLKit

/// Replaces one day of an account, its days row and both grains of rollups, inside
/// the caller's transaction (contract §9, "writes are whole days").
enum DayWriter {
    static func replace(_ write: DayWrite, rowsPerInsert: Int, on database: any SQLDatabase) async throws {
        let day = write.day
        let dayText = day.day.description
        try await database.raw("""
            INSERT INTO days (account, day, complete, data_as_of_us, snapshot, deliveries, messages, quality)
            VALUES (\(bind: day.account), \(bind: dayText), \(bind: day.isComplete), \(bind: day.dataAsOf?.microseconds),
                    \(bind: day.snapshot), \(bind: day.deliveries), \(bind: day.messages), \(bind: try JSONColumn.text(day.qualityCounts)))
            ON CONFLICT (account, day) DO UPDATE SET
                complete = excluded.complete, data_as_of_us = excluded.data_as_of_us, snapshot = excluded.snapshot,
                deliveries = excluded.deliveries, messages = excluded.messages, quality = excluded.quality
            """).run()
        for table in ["operator_rollups", "batch_rollups"] {
            try await database.raw("DELETE FROM \(ident: table) WHERE account = \(bind: day.account) AND day = \(bind: dayText)").run()
        }
        try await BatchInsert.insert(
            into: "operator_rollups", columns: RollupColumns.operatorGrain,
            rows: try write.operatorRollups.map { try RollupColumns.values(of: $0) },
            rowsPerStatement: rowsPerInsert, on: database)
        try await BatchInsert.insert(
            into: "batch_rollups", columns: RollupColumns.batchGrain,
            rows: try write.batchRollups.map { try RollupColumns.values(of: $0) },
            rowsPerStatement: rowsPerInsert, on: database)
    }

    /// A rollup that belongs to another account or day than the days row it is
    /// written with would land outside the day being replaced.
    static func validate(_ write: DayWrite) throws(StoreError) {
        let key = (write.day.account, write.day.day)
        let strays = write.operatorRollups.filter { ($0.account, $0.day) != key }.count
            + write.batchRollups.filter { ($0.account, $0.day) != key }.count
        guard strays == 0 else {
            throw .queryFailed(reason: "\(strays) rollups of the write of \(key.0) \(key.1) belong to another account or day")
        }
    }
}
