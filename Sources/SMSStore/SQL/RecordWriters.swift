import SMSCore
import SQLKit

/// The writes besides whole days: accounts, runs, metrics readings and alerts.
enum RecordWriters {
    /// Inserts the account with its timezone, or checks the stored one.
    static func register(account: String, timeZone: String, on database: any SQLDatabase) async throws {
        try await database.raw("""
            INSERT INTO accounts (account, timezone) VALUES (\(bind: account), \(bind: timeZone))
            ON CONFLICT (account) DO NOTHING
            """).run()
        let stored = try await database.raw("SELECT timezone FROM accounts WHERE account = \(bind: account)")
            .first(decodingColumn: "timezone", as: String.self)
        if let stored, stored != timeZone {
            throw StoreError.timeZoneMismatch(account: account, stored: stored, requested: timeZone)
        }
    }

    static func insert(_ run: StoredRun, on database: any SQLDatabase) async throws {
        try await database.raw("""
            INSERT INTO runs (account, command, period, period_from, period_to, started_at_us, finished_at_us,
                              exit_code, complete, deliveries, files, emailed, alerts, snapshot)
            VALUES (\(bind: run.account), \(bind: run.command), \(bind: run.period), \(bind: run.periodFrom?.description),
                    \(bind: run.periodTo?.description), \(bind: run.startedAt.microseconds), \(bind: run.finishedAt.microseconds),
                    \(bind: run.exitCode), \(bind: run.isComplete), \(bind: run.deliveries), \(bind: try JSONColumn.text(run.files)),
                    \(bind: run.emailed), \(bind: run.alerts), \(bind: run.snapshot))
            """).run()
    }

    /// Replaces the readings of `account` read at `readAt` with `readings` (each row
    /// takes that account and instant).
    static func replaceMetrics(_ readings: [StoredMetricReading], account: String, readAt: Instant,
                               rowsPerInsert: Int, on database: any SQLDatabase) async throws {
        try await database.raw("DELETE FROM metrics WHERE account = \(bind: account) AND read_at_us = \(bind: readAt.microseconds)").run()
        try await BatchInsert.insert(
            into: "metrics", columns: ["account", "read_at_us", "key", "value", "is_number"],
            rows: readings.map { [account, readAt.microseconds, $0.key, $0.value, $0.isNumber] },
            rowsPerStatement: rowsPerInsert, on: database)
    }

    static func insert(_ alerts: [StoredAlert], rowsPerInsert: Int, on database: any SQLDatabase) async throws {
        try await BatchInsert.insert(
            into: "alerts",
            columns: ["account", "period", "raised_at_us", "scope", "operator", "metric", "period_value", "baseline_value",
                      "change", "deliveries", "baseline_deliveries", "z", "message"],
            rows: alerts.map {
                [$0.account, $0.period, $0.raisedAt.microseconds, $0.scope, $0.operatorName, $0.metric, $0.periodValue,
                 $0.baselineValue, $0.change, $0.deliveries, $0.baselineDeliveries, $0.z, $0.message]
            },
            rowsPerStatement: rowsPerInsert, on: database)
    }
}
