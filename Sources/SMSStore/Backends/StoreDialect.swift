import SQLKit

/// The two databases a history store can live in.
package enum StoreBackendKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    package var description: String { rawValue }
}

/// Everything that differs between the backends. The rest, every query the store
/// runs, is one SQL path written once (``SQLHistoryStore``).
struct StoreDialect: Sendable {
    let kind: StoreBackendKind
    /// The column type of the latency sketches' bytes.
    let bytesType: String
    /// The column definition of an id the database assigns.
    let generatedIDColumn: String
    /// The statements that begin a write transaction: SQLite takes the write lock at
    /// once (`BEGIN IMMEDIATE`); PostgreSQL runs it serializable.
    let beginWrite: [SQLQueryString]
    /// The statements that begin the migration transaction; they make two processes
    /// opening a new store at once take turns.
    let beginMigration: [SQLQueryString]
    /// Rows of one multi-row INSERT: well under SQLite's 32,766 and PostgreSQL's
    /// 65,535 bound values for the widest table (15 columns).
    let rowsPerInsert: Int
    /// True for the failures that a fresh attempt of the whole transaction may pass:
    /// a busy SQLite file, a PostgreSQL serialization failure or deadlock.
    let isTransient: @Sendable (any Error) -> Bool
    /// A one-line reason for a failure, never containing a password.
    let reason: @Sendable (any Error) -> String
}
