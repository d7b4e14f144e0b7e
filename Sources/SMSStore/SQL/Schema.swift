import SQLKit

/// The store's schema, as an ordered list of migrations (contract §9).
///
/// Days are kept as ISO text `YYYY-MM-DD` (it sorts as the days do, and reads well in
/// a SQL shell); instants as integer microseconds since 1970-01-01T00:00:00Z (`_us`
/// columns); lists and the quality counts as JSON text. Sketch bytes are opaque.
/// Rollups have no foreign key to their days row: a day is only ever written whole,
/// with its row, in one transaction, and the key's check per row would cost about
/// 40% of PostgreSQL's time for a day's thousands of rollups.
enum Schema {
    /// One step from the version before it to `version`.
    struct Migration: Sendable {
        let version: Int
        let statements: @Sendable (StoreDialect) -> [SQLQueryString]
    }

    /// Every migration, oldest first. Append; never edit one that has shipped.
    static let migrations: [Migration] = [
        Migration(version: 1, statements: version1),
    ]

    /// The newest version this code knows.
    static var latestVersion: Int { migrations.last?.version ?? 0 }

    /// The table that records each version applied, and by which tool.
    static let versionTable: SQLQueryString = """
        CREATE TABLE IF NOT EXISTS schema_versions (
            version BIGINT PRIMARY KEY, applied_by TEXT NOT NULL, applied_at_us BIGINT NOT NULL)
        """

    /// The tables of version 1, which `store check` looks for.
    static let tables = ["accounts", "days", "operator_rollups", "batch_rollups", "metrics", "runs", "alerts"]

    /// The whole schema as of the first release.
    private static func version1(_ dialect: StoreDialect) -> [SQLQueryString] {
        let bytes = dialect.bytesType
        let generatedID = dialect.generatedIDColumn
        let rollupFigures = """
            deliveries BIGINT NOT NULL, segments_gsm7 BIGINT NOT NULL, segments_ucs2 BIGINT NOT NULL,
            raw_values TEXT NOT NULL, latency_count BIGINT NOT NULL, latency_sum_us BIGINT NOT NULL,
            latency_max_us BIGINT, latency_sketch \(bytes) NOT NULL
            """
        return [
            "CREATE TABLE accounts (account TEXT PRIMARY KEY, timezone TEXT NOT NULL)",
            """
            CREATE TABLE days (
                account TEXT NOT NULL REFERENCES accounts (account), day TEXT NOT NULL,
                complete BOOLEAN NOT NULL, data_as_of_us BIGINT, snapshot TEXT NOT NULL,
                deliveries BIGINT NOT NULL, messages BIGINT NOT NULL, quality TEXT NOT NULL,
                PRIMARY KEY (account, day))
            """,
            """
            CREATE TABLE operator_rollups (
                account TEXT NOT NULL, day TEXT NOT NULL, operator TEXT NOT NULL, prefix TEXT NOT NULL,
                status TEXT NOT NULL, \(unsafeRaw: rollupFigures),
                PRIMARY KEY (account, day, operator, prefix, status))
            """,
            """
            CREATE TABLE batch_rollups (
                account TEXT NOT NULL, day TEXT NOT NULL, batch_id TEXT NOT NULL, status TEXT NOT NULL,
                \(unsafeRaw: rollupFigures),
                first_sent_at_us BIGINT NOT NULL, last_sent_at_us BIGINT NOT NULL,
                PRIMARY KEY (account, day, batch_id, status))
            """,
            """
            CREATE TABLE metrics (
                account TEXT NOT NULL, read_at_us BIGINT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
                is_number BOOLEAN NOT NULL, PRIMARY KEY (account, read_at_us, key))
            """,
            """
            CREATE TABLE runs (
                id \(unsafeRaw: generatedID), account TEXT NOT NULL, command TEXT NOT NULL, period TEXT NOT NULL,
                period_from TEXT, period_to TEXT, started_at_us BIGINT NOT NULL, finished_at_us BIGINT NOT NULL,
                exit_code BIGINT NOT NULL, complete BOOLEAN NOT NULL, deliveries BIGINT NOT NULL,
                files TEXT NOT NULL, emailed BOOLEAN NOT NULL, alerts BIGINT NOT NULL, snapshot TEXT)
            """,
            "CREATE INDEX runs_by_account ON runs (account, started_at_us)",
            """
            CREATE TABLE alerts (
                id \(unsafeRaw: generatedID), account TEXT NOT NULL, period TEXT NOT NULL,
                raised_at_us BIGINT NOT NULL, scope TEXT NOT NULL, operator TEXT NOT NULL, metric TEXT NOT NULL,
                period_value TEXT NOT NULL, baseline_value TEXT NOT NULL, change TEXT NOT NULL,
                deliveries BIGINT NOT NULL, baseline_deliveries BIGINT NOT NULL, z TEXT NOT NULL,
                message TEXT NOT NULL)
            """,
            "CREATE INDEX alerts_by_account ON alerts (account, raised_at_us)",
        ]
    }
}
