import Foundation
import Logging
import NIOPosix
import SQLiteKit

/// The SQLite side of the store: one file, opened in WAL mode so that readers never
/// wait for a writer and writers queue on the file's lock instead of failing.
enum SQLiteBackend {
    /// How long a writer waits for another's write lock before SQLite reports it
    /// busy. `PRAGMA busy_timeout` installs SQLite's sleeping busy handler, which
    /// replaces the one sqlite-nio sets when opening (a handler that retries at once,
    /// for ever, on a thread of the pool).
    static let busyTimeoutMilliseconds = 30_000

    static let dialect = StoreDialect(
        kind: .sqlite,
        bytesType: "BLOB",
        generatedIDColumn: "INTEGER PRIMARY KEY",
        beginWrite: ["BEGIN IMMEDIATE"],
        beginMigration: ["BEGIN IMMEDIATE"],
        rowsPerInsert: 500,
        isTransient: isBusy,
        reason: reason
    )

    /// Opens (creating when missing) the file at `path` and its folder.
    static func connect(path: String, logger: Logger) async throws(StoreError) -> StoreConnection {
        let store = path
        do {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotOpen(store: store, reason: "cannot create its folder: \(error.localizedDescription)")
        }
        // A thread of its own: a writer waiting out busy_timeout blocks its thread,
        // and must not starve other stores (or the holder of the lock) of threads.
        let threadPool = NIOThreadPool(numberOfThreads: 1)
        threadPool.start()
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(
                storage: .file(path: path), threadPool: threadPool, logger: logger,
                on: MultiThreadedEventLoopGroup.singleton.any())
        } catch {
            try? await threadPool.shutdownGracefully()
            throw .cannotOpen(store: store, reason: reason(error))
        }
        let database = connection.sql()
        do {
            try await database.raw("PRAGMA busy_timeout = \(unsafeRaw: String(busyTimeoutMilliseconds))").run()
            try await switchToWAL(database)
            try await database.raw("PRAGMA synchronous = NORMAL").run()
            try await database.raw("PRAGMA foreign_keys = ON").run()
        } catch {
            try? await connection.close()
            try? await threadPool.shutdownGracefully()
            throw .cannotOpen(store: store, reason: reason(error))
        }
        return StoreConnection(name: store, database: database, dialect: dialect) {
            try? await connection.close()
            try? await threadPool.shutdownGracefully()
        }
    }

    /// `PRAGMA journal_mode = WAL`, tried again while another process holds the file:
    /// two processes opening a new store at once both convert it, and SQLite answers
    /// the loser busy at once, without waiting in its busy handler.
    private static func switchToWAL(_ database: any SQLDatabase) async throws {
        let deadline = ContinuousClock.now + .milliseconds(busyTimeoutMilliseconds)
        while true {
            do {
                try await database.raw("PRAGMA journal_mode = WAL").run()
                return
            } catch where isBusy(error) && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(Int.random(in: 10...50)))
            }
        }
    }

    /// SQLite could not take a lock in time.
    private static func isBusy(_ error: any Error) -> Bool {
        guard let error = error as? SQLiteError else { return false }
        switch error.reason {
        case .busy, .busyInRecovery, .busyInSnapshot, .busyTimeout, .locked: return true
        default: return false
        }
    }

    /// SQLite's own message (it never holds bound values, so no secret).
    private static func reason(_ error: any Error) -> String {
        if let error = error as? SQLiteError { return error.message }
        return String(describing: error)
    }
}
