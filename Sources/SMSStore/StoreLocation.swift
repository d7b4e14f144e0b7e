/// Where the history store is (contract §1): a SQLite file, or a PostgreSQL
/// database whose password comes from the environment.
package enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    /// A SQLite file; created with its schema when missing.
    case sqlite(path: String)
    /// A PostgreSQL database. The password is never part of the URL.
    case postgres(PostgresStoreAddress)

    /// The environment variable a PostgreSQL store's password is read from by default.
    package static let defaultPasswordVariable = "SMS_REPORT_STORE_PASSWORD"

    /// The store as users name it, without any password.
    package var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let address): address.description
        }
    }
}

/// A PostgreSQL store's address: `postgres://USER@HOST:PORT/DATABASE`.
package struct PostgresStoreAddress: Sendable, Equatable, CustomStringConvertible {
    package var user: String
    package var host: String
    package var port: Int
    package var database: String

    package init(user: String, host: String, port: Int = 5432, database: String) {
        self.user = user
        self.host = host
        self.port = port
        self.database = database
    }

    /// `postgres://user@host:port/database`.
    package var description: String {
        "postgres://\(user)@\(host):\(port)/\(database)"
    }
}
