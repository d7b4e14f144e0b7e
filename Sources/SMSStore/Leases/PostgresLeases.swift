import Crypto
import Logging
import PostgresNIO

/// Leases as PostgreSQL session-level advisory locks (`pg_try_advisory_lock`), each
/// held on a connection of its own for the account's whole run.
///
/// The server drops a session's advisory locks when its connection closes, so a
/// process that dies (even by SIGKILL) releases its leases as soon as the server
/// notices the closed socket. Each lease costs one connection while the account runs:
/// a `run` holds `parallel_accounts` + 1 connections at most.
final class PostgresLeases: AccountLeases {
    private let address: PostgresStoreAddress
    // The store's password, kept to open the leases' connections; never printed.
    private let password: String
    private let logger: Logger

    init(address: PostgresStoreAddress, password: String, logger: Logger) {
        self.address = address
        self.password = password
        self.logger = logger
    }

    func acquireLease(account: String, period: String) async throws(StoreError) -> (any StoreLease)? {
        let key = Self.key(account: account, period: period)
        let connection = try await PostgresBackend.open(address, password: password, logger: logger)
        do {
            let rows = try await connection.query("SELECT pg_try_advisory_lock(\(key))", logger: logger)
            var locked = false
            for try await value in rows.decode(Bool.self) {
                locked = value
            }
            guard locked else {
                try? await connection.close()
                return nil
            }
            return PostgresLease(connection: connection)
        } catch {
            try? await connection.close()
            throw .queryFailed(reason: "cannot take the lease of \(account) \(period): \(PostgresBackend.reason(error))")
        }
    }

    /// The lock's 64-bit key: the first 8 bytes, big-endian, of the SHA-256 of the
    /// UTF-8 bytes of `<account>|<period>`. Two account-periods share a key with a
    /// chance of about 2⁻⁶⁴ per pair.
    static func key(account: String, period: String) -> Int64 {
        let digest = SHA256.hash(data: Array("\(account)|\(period)".utf8))
        let bits = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Int64(bitPattern: bits)
    }
}

/// One held advisory lock, held by the session of its own connection.
private final class PostgresLease: StoreLease {
    private let connection: PostgresConnection

    init(connection: PostgresConnection) {
        self.connection = connection
    }

    func release() async {
        // Closing the session releases its advisory locks; no query is sent first, so a
        // connection the server has already dropped cannot hold the release up.
        try? await connection.close()
    }
}
