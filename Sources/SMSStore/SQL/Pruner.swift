import SMSCore
import SQLKit

/// `store prune`: deletes rollups of old days, keeping the days rows (their totals),
/// runs and alerts.
enum Pruner {
    static func prune(account: String?, before day: LocalDay, on database: any SQLDatabase) async throws -> PruneSummary {
        var filter: SQLQueryString = "day < \(bind: day.description)"
        if let account { filter += " AND account = \(bind: account)" }
        let dayCount = try await database.raw("""
            SELECT COUNT(*) AS days FROM (
                SELECT account, day FROM operator_rollups WHERE \(filter)
                UNION SELECT account, day FROM batch_rollups WHERE \(filter)) AS pruned
            """).first(decodingColumn: "days", as: Int.self) ?? 0
        var rows = 0
        for table in ["operator_rollups", "batch_rollups"] {
            rows += try await database.raw("SELECT COUNT(*) AS n FROM \(ident: table) WHERE \(filter)")
                .first(decodingColumn: "n", as: Int.self) ?? 0
            try await database.raw("DELETE FROM \(ident: table) WHERE \(filter)").run()
        }
        return PruneSummary(days: dayCount, rollupRows: rows)
    }
}
