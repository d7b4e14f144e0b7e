import Foundation
import Logging

/// Opens a history store and brings its schema up to date.
package enum StoreOpener {
    /// Opens the store at `location` and runs its pending migrations.
    ///
    /// A SQLite file is created, with its folder, when missing. A PostgreSQL store's
    /// password is read from `passwordVariable` in `environment`
    /// (``StoreError/missingPassword`` when unset); TLS with the system's trust roots is
    /// required unless the host is loopback. `tool` (e.g. `sms-report 0.1.0`) is
    /// recorded with each schema version it applies. Errors never contain the password.
    /// A PostgreSQL store also has ``HistoryStore/leases``; a SQLite store has none.
    package static func open(
        _ location: StoreLocation,
        passwordVariable: String = StoreLocation.defaultPasswordVariable,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        logger: Logger,
        tool: String = "sms-report"
    ) async throws(StoreError) -> any HistoryStore {
        let connection: StoreConnection
        let leases: (any AccountLeases)?
        switch location {
        case .sqlite(let path):
            connection = try await SQLiteBackend.connect(path: path, logger: logger)
            leases = nil
        case .postgres(let address):
            guard let password = environment[passwordVariable] else { throw .missingPassword(variable: passwordVariable) }
            connection = try await PostgresBackend.connect(address, password: password, logger: logger)
            leases = PostgresLeases(address: address, password: password, logger: logger)
        }
        do {
            _ = try await Migrator.migrate(connection, tool: tool)
        } catch {
            await connection.close()
            throw error
        }
        return SQLHistoryStore(connection: connection, leases: leases)
    }
}
