import Foundation
import PostgresKit
import SMSStore
import SQLiteKit
import Testing

/// The test PostgreSQL server of `scripts/postgres-test-server.sh`, found through
/// `SMS_REPORT_TEST_POSTGRES_URL` and `SMS_REPORT_TEST_POSTGRES_PASSWORD` (`make unit`
/// exports both). Without them the PostgreSQL cases fail: CI must run them.
enum TestPostgresServer {
    struct Unavailable: Error, CustomStringConvertible {
        var description: String {
            "the PostgreSQL test server is not configured: run `scripts/postgres-test-server.sh start` and "
                + "`eval \"$(scripts/postgres-test-server.sh env)\"` before `swift test` (make unit does both)"
        }
    }

    static func address() throws -> (address: PostgresStoreAddress, password: String) {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment["SMS_REPORT_TEST_POSTGRES_URL"],
              let password = environment["SMS_REPORT_TEST_POSTGRES_PASSWORD"],
              case .postgres(let address) = try StoreLocation.parse(url, relativeTo: nil)
        else { throw Unavailable() }
        return (address, password)
    }

    /// Runs `statements` on `database` of the test server, as its admin role.
    static func execute(_ statements: [String], database: String? = nil) async throws {
        try await withConnection(database: database) { sql in
            for statement in statements {
                try await sql.raw(SQLQueryString(statement)).run()
            }
        }
    }

    /// Runs `body` on a connection to `database` (the server's default when nil).
    static func withConnection<Value>(database: String?, _ body: (any SQLDatabase) async throws -> Value) async throws -> Value {
        let (address, password) = try address()
        let connection = try await PostgresConnection.connect(
            configuration: .init(host: address.host, port: address.port, username: address.user, password: password,
                                 database: database ?? address.database, tls: .disable),
            id: 1, logger: StoreFixture.logger)
        do {
            let value = try await body(connection.sql())
            try await connection.close()
            return value
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

/// A fresh, empty store of one backend for one test: a new SQLite file in a temporary
/// folder, or a newly created PostgreSQL database, removed afterwards.
struct StoreFixture: Sendable {
    let kind: StoreBackendKind
    let location: StoreLocation
    let environment: [String: String]

    static let logger = Logger(label: "store-tests")

    /// Runs `body` with a fresh store location, then removes it.
    static func withFresh(_ kind: StoreBackendKind, _ body: (StoreFixture) async throws -> Void) async throws {
        switch kind {
        case .sqlite:
            let folder = try TemporaryFolder()
            try await body(StoreFixture(kind: kind, location: .sqlite(path: folder.path + "/store/history.sqlite"), environment: [:]))
            withExtendedLifetime(folder) {}
        case .postgres:
            let (server, password) = try TestPostgresServer.address()
            let name = "sms_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            try await TestPostgresServer.execute(["CREATE DATABASE \(name)"])
            var address = server
            address.database = name
            let fixture = StoreFixture(kind: kind, location: .postgres(address),
                                       environment: [StoreLocation.defaultPasswordVariable: password])
            do {
                try await body(fixture)
            } catch {
                try? await TestPostgresServer.execute(["DROP DATABASE \(name) WITH (FORCE)"])
                throw error
            }
            try await TestPostgresServer.execute(["DROP DATABASE \(name) WITH (FORCE)"])
        }
    }

    /// Runs `body` with a fresh store that knows ``StoreRecords/account``, then closes it.
    static func withAccountStore(_ kind: StoreBackendKind, _ body: (any HistoryStore, StoreFixture) async throws -> Void) async throws {
        try await withFresh(kind) { fixture in
            let store = try await fixture.open()
            do {
                try await store.registerAccount(StoreRecords.account, timeZone: StoreRecords.timeZone)
                try await body(store, fixture)
            } catch {
                await store.close()
                throw error
            }
            await store.close()
        }
    }

    /// Opens the store (a new connection each time).
    func open() async throws -> any HistoryStore {
        try await StoreOpener.open(location, environment: environment, logger: Self.logger)
    }

    /// Runs raw SQL on the store behind the tool's back (tampering, version rows).
    func execute(_ statement: String) async throws {
        try await withRawDatabase { try await $0.raw(SQLQueryString(statement)).run() }
    }

    /// The number `query` (a `SELECT COUNT(*) AS n …`) returns.
    func count(_ query: String) async throws -> Int {
        try await withRawDatabase { try await $0.raw(SQLQueryString(query)).first(decodingColumn: "n", as: Int.self) } ?? 0
    }

    private func withRawDatabase<Value>(_ body: (any SQLDatabase) async throws -> Value) async throws -> Value {
        switch location {
        case .sqlite(let path):
            let connection = try await SQLiteConnection.open(storage: .file(path: path))
            do {
                let value = try await body(connection.sql())
                try await connection.close()
                return value
            } catch {
                try? await connection.close()
                throw error
            }
        case .postgres(let address):
            return try await TestPostgresServer.withConnection(database: address.database, body)
        }
    }
}
