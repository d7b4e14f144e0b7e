import SQLKit

/// `store check`: the schema is the one this code knows, and every day's deliveries
/// equal the sum of each grain of its rollups.
enum Checker {
    static func check(on database: any SQLDatabase) async throws -> StoreCheckReport {
        let version = try await Migrator.currentVersion(database)
        var problems: [String] = []
        if version != Schema.latestVersion {
            problems.append("schema version \(version), expected \(Schema.latestVersion)")
        }
        for table in Schema.tables {
            do {
                try await database.raw("SELECT 1 FROM \(ident: table) WHERE 1 = 0").run()
            } catch {
                problems.append("table \(table) is missing or unreadable")
            }
        }
        guard problems.isEmpty else { return StoreCheckReport(schemaVersion: version, daysChecked: 0, problems: problems) }
        let rows = try await database.raw("""
            SELECT d.account, d.day, d.deliveries, o.total AS operator_total, b.total AS batch_total
            FROM days d
            LEFT JOIN (SELECT account, day, CAST(SUM(deliveries) AS BIGINT) AS total FROM operator_rollups GROUP BY account, day) o
                ON o.account = d.account AND o.day = d.day
            LEFT JOIN (SELECT account, day, CAST(SUM(deliveries) AS BIGINT) AS total FROM batch_rollups GROUP BY account, day) b
                ON b.account = d.account AND b.day = d.day
            WHERE o.total IS NOT NULL OR b.total IS NOT NULL
            ORDER BY d.account, d.day
            """).all()
        for row in rows {
            let deliveries = try row.int("deliveries")
            let grains = [("operator", try row.decode(column: "operator_total", as: Int?.self) ?? 0),
                          ("batch", try row.decode(column: "batch_total", as: Int?.self) ?? 0)]
            let mismatches = grains.filter { $0.1 != deliveries }
            if !mismatches.isEmpty {
                let sums = mismatches.map { "\($0.0) rollups \($0.1)" }.joined(separator: ", ")
                problems.append("\(try row.string("account")) \(try row.string("day")): deliveries \(deliveries), \(sums)")
            }
        }
        return StoreCheckReport(schemaVersion: version, daysChecked: rows.count, problems: problems)
    }
}
