import SMSCore

/// The history store (contract §9): what reports computed, kept so that trends,
/// changes, alerts and monthly billing never need old raw data.
///
/// Two backends hold the same data behind this interface: a SQLite file (the
/// default) and PostgreSQL (for several machines). ``StoreOpener`` opens either and
/// runs pending migrations. Every write is one transaction; several processes may
/// write to one store at once.
package protocol HistoryStore: Sendable {
    /// Leases on account-periods (contract §11) for a store that several machines
    /// share: PostgreSQL's; nil for a SQLite store.
    var leases: (any AccountLeases)? { get }

    /// The schema version the store is at.
    var schemaVersion: Int { get async throws(StoreError) }

    /// Records the timezone an account's days are counted in. An account already
    /// stored under another timezone is refused with ``StoreError/timeZoneMismatch``,
    /// since its days would not line up.
    func registerAccount(_ account: String, timeZone: String) async throws(StoreError)

    /// Replaces one day of an account, its days row and all its rollups, in one
    /// transaction. Writing the same day twice leaves the same rows.
    func replaceDay(_ write: DayWrite) async throws(StoreError)

    /// Adds a run's row.
    func recordRun(_ run: StoredRun) async throws(StoreError)

    /// Adds a metrics snapshot's readings (replacing any read at the same instant).
    func recordMetrics(_ readings: [StoredMetricReading], account: String, readAt: Instant) async throws(StoreError)

    /// Adds the alerts raised for an account's period.
    func recordAlerts(_ alerts: [StoredAlert]) async throws(StoreError)

    /// The stored days of an account within `days` (every stored day when nil), by day.
    func days(account: String, in days: ClosedRange<LocalDay>?) async throws(StoreError) -> [StoredDay]

    /// The (day, operator, prefix, status) rollups of an account within `days`, by day then key.
    func operatorRollups(account: String, in days: ClosedRange<LocalDay>) async throws(StoreError) -> [OperatorRollup]

    /// The (day, batch_id, status) rollups of an account within `days`, by day then key.
    func batchRollups(account: String, in days: ClosedRange<LocalDay>) async throws(StoreError) -> [BatchRollup]

    /// The runs of an account, oldest first.
    func runs(account: String) async throws(StoreError) -> [StoredRun]

    /// The metrics readings of an account, oldest first.
    func metrics(account: String) async throws(StoreError) -> [StoredMetricReading]

    /// The alerts of an account, oldest first.
    func alerts(account: String) async throws(StoreError) -> [StoredAlert]

    /// The accounts the store knows, sorted.
    func accounts() async throws(StoreError) -> [String]

    /// The timezone an account's days are counted in; nil for an account not stored.
    func timeZone(account: String) async throws(StoreError) -> String?

    /// Deletes the rollups of days before `day` (of one account, or of all when nil),
    /// keeping the days rows, runs and alerts.
    func prune(account: String?, before day: LocalDay) async throws(StoreError) -> PruneSummary

    /// Verifies the schema and that every day's totals match its rollups.
    func check() async throws(StoreError) -> StoreCheckReport

    /// Closes the connection. The store is not used after this.
    func close() async
}

/// What `store prune` removed.
package struct PruneSummary: Sendable, Equatable {
    /// Days whose rollups were deleted.
    package var days: Int
    /// Rollup rows deleted, both grains together.
    package var rollupRows: Int

    package init(days: Int, rollupRows: Int) {
        self.days = days
        self.rollupRows = rollupRows
    }
}

/// What `store check` found.
package struct StoreCheckReport: Sendable, Equatable {
    /// The schema version found.
    package var schemaVersion: Int
    /// Days checked against their rollups.
    package var daysChecked: Int
    /// One line per problem, e.g. `acme 2025-11-04: deliveries 120, operator rollups 118`.
    package var problems: [String]

    package init(schemaVersion: Int, daysChecked: Int, problems: [String]) {
        self.schemaVersion = schemaVersion
        self.daysChecked = daysChecked
        self.problems = problems
    }
}
