import SMSSupport
import SQLKit

/// A store's one database connection, with its dialect: runs reads, and write
/// transactions that are tried again after a transient failure.
final class StoreConnection: Sendable {
    /// The store as users name it (never with a password).
    let name: String
    let database: any SQLDatabase
    let dialect: StoreDialect
    private let gate = TransactionGate()
    private let closeConnection: @Sendable () async -> Void

    /// Attempts of a write transaction before its failure is reported. A writer that
    /// keeps meeting another machine's writes of the same day loses once per write of
    /// theirs, so the attempts outnumber the writes a day's rivals make back to back.
    static let maximumAttempts = 25

    init(name: String, database: any SQLDatabase, dialect: StoreDialect, close: @escaping @Sendable () async -> Void) {
        self.name = name
        self.database = database
        self.dialect = dialect
        self.closeConnection = close
    }

    /// Runs statements outside a transaction (each one sees a consistent store).
    func read<Value>(_ body: (any SQLDatabase) async throws -> Value) async throws(StoreError) -> Value {
        try await exclusively { () async throws(StoreError) -> Value in
            do {
                return try await body(database)
            } catch {
                throw storeError(error)
            }
        }
    }

    /// Runs `body` in a write transaction, committed when it returns and rolled back
    /// when it throws. A transient failure (a busy file, a serialization failure)
    /// starts the whole transaction again after a short random pause.
    func write<Value>(
        beginning begin: [SQLQueryString]? = nil,
        _ body: (any SQLDatabase) async throws -> Value
    ) async throws(StoreError) -> Value {
        try await exclusively { () async throws(StoreError) -> Value in
            var attempt = 1
            while true {
                do {
                    return try await transaction(beginning: begin ?? dialect.beginWrite, body)
                } catch {
                    guard attempt < Self.maximumAttempts, dialect.isTransient(error) else { throw storeError(error) }
                    try? await Task.sleep(for: .milliseconds(Int.random(in: 5...20) * attempt))
                    attempt += 1
                }
            }
        }
    }

    /// Runs `body` while no other operation uses the connection.
    private func exclusively<Value>(_ body: () async throws(StoreError) -> Value) async throws(StoreError) -> Value {
        try await gate.acquire()
        do {
            let value = try await body()
            await gate.release()
            return value
        } catch {
            await gate.release()
            throw error
        }
    }

    private func transaction<Value>(beginning begin: [SQLQueryString], _ body: (any SQLDatabase) async throws -> Value) async throws -> Value {
        for statement in begin {
            do {
                try await database.raw(statement).run()
            } catch {
                try? await database.raw("ROLLBACK").run()
                throw error
            }
        }
        do {
            let value = try await body(database)
            try await database.raw("COMMIT").run()
            return value
        } catch {
            try? await database.raw("ROLLBACK").run()
            throw error
        }
    }

    /// Closes the connection once the operations under way are done; later ones fail.
    /// It is closed even when the caller's task is cancelled (a stop signal).
    func close() async {
        await uncancelled { [self] in
            guard (try? await gate.acquire()) != nil else { return }
            await closeConnection()
            await gate.markClosed()
            await gate.release()
        }
    }

    private func storeError(_ error: any Error) -> StoreError {
        if let error = error as? StoreError { return error }
        return .queryFailed(reason: dialect.reason(error))
    }
}
