import SMSCore
import SQLKit

/// Brings a store to ``Schema/latestVersion`` when it is opened.
enum Migrator {
    /// Applies the migrations the store lacks, in one transaction that two processes
    /// opening a new store at once take in turn; refuses a store that a newer
    /// sms-report wrote. Returns the version the store is at.
    static func migrate(_ connection: StoreConnection, tool: String) async throws(StoreError) -> Int {
        let supported = Schema.latestVersion
        let dialect = connection.dialect
        let found = try await connection.write(beginning: dialect.beginMigration) { database in
            try await database.raw(Schema.versionTable).run()
            let found = try await currentVersion(database)
            guard found <= supported else { return found }
            for migration in Schema.migrations where migration.version > found {
                for statement in migration.statements(dialect) {
                    try await database.raw(statement).run()
                }
                try await database.raw("""
                    INSERT INTO schema_versions (version, applied_by, applied_at_us)
                    VALUES (\(bind: migration.version), \(bind: tool), \(bind: Instant.now.microseconds))
                    """).run()
            }
            return supported
        }
        guard found <= supported else {
            throw .newerSchema(store: connection.name, found: found, supported: supported)
        }
        return found
    }

    /// The highest version recorded; 0 for a new store.
    static func currentVersion(_ database: any SQLDatabase) async throws -> Int {
        let row = try await database.raw("SELECT MAX(version) AS version FROM schema_versions").first()
        return try row?.decode(column: "version", as: Int?.self) ?? 0
    }
}
