/// Leases on (account, period) that keep two processes from running one
/// account-period at once (contract §11), across machines that share a PostgreSQL
/// store. A SQLite store has none: `run` keeps the config's lock file there (§8).
package protocol AccountLeases: Sendable {
    /// Takes the lease on `account`'s `period` (the period's folder name, e.g.
    /// `2025-11-04`) at once, never waiting: nil when another process holds it.
    /// The lease lasts until ``StoreLease/release()``, or until the process holding
    /// it dies.
    func acquireLease(account: String, period: String) async throws(StoreError) -> (any StoreLease)?
}

/// A held lease on one account-period.
package protocol StoreLease: Sendable {
    /// Gives the lease up, so that another process may run the account-period. A
    /// lease that cannot be given up cleanly (the connection is already gone) is
    /// released by the server all the same.
    func release() async
}
