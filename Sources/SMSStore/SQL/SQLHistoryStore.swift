import SMSCore

/// The history store on either backend: every query is written once, in SQL both
/// SQLite and PostgreSQL run; ``StoreDialect`` holds the few differences.
final class SQLHistoryStore: HistoryStore {
    private let connection: StoreConnection
    let leases: (any AccountLeases)?

    init(connection: StoreConnection, leases: (any AccountLeases)?) {
        self.connection = connection
        self.leases = leases
    }

    private var rowsPerInsert: Int { connection.dialect.rowsPerInsert }

    var schemaVersion: Int {
        get async throws(StoreError) {
            try await connection.read { try await Migrator.currentVersion($0) }
        }
    }

    func registerAccount(_ account: String, timeZone: String) async throws(StoreError) {
        try await connection.write { try await RecordWriters.register(account: account, timeZone: timeZone, on: $0) }
    }

    func replaceDay(_ write: DayWrite) async throws(StoreError) {
        try DayWriter.validate(write)
        let rowsPerInsert = rowsPerInsert
        try await connection.write { try await DayWriter.replace(write, rowsPerInsert: rowsPerInsert, on: $0) }
    }

    func recordRun(_ run: StoredRun) async throws(StoreError) {
        try await connection.write { try await RecordWriters.insert(run, on: $0) }
    }

    func recordMetrics(_ readings: [StoredMetricReading], account: String, readAt: Instant) async throws(StoreError) {
        let rowsPerInsert = rowsPerInsert
        try await connection.write {
            try await RecordWriters.replaceMetrics(readings, account: account, readAt: readAt, rowsPerInsert: rowsPerInsert, on: $0)
        }
    }

    func recordAlerts(_ alerts: [StoredAlert]) async throws(StoreError) {
        guard !alerts.isEmpty else { return }
        let rowsPerInsert = rowsPerInsert
        try await connection.write { try await RecordWriters.insert(alerts, rowsPerInsert: rowsPerInsert, on: $0) }
    }

    func days(account: String, in days: ClosedRange<LocalDay>?) async throws(StoreError) -> [StoredDay] {
        try await connection.read { try await Readers.days(account: account, in: days, on: $0) }
    }

    func operatorRollups(account: String, in days: ClosedRange<LocalDay>) async throws(StoreError) -> [OperatorRollup] {
        try await connection.read { try await Readers.operatorRollups(account: account, in: days, on: $0) }
    }

    func batchRollups(account: String, in days: ClosedRange<LocalDay>) async throws(StoreError) -> [BatchRollup] {
        try await connection.read { try await Readers.batchRollups(account: account, in: days, on: $0) }
    }

    func runs(account: String) async throws(StoreError) -> [StoredRun] {
        try await connection.read { try await Readers.runs(account: account, on: $0) }
    }

    func metrics(account: String) async throws(StoreError) -> [StoredMetricReading] {
        try await connection.read { try await Readers.metrics(account: account, on: $0) }
    }

    func alerts(account: String) async throws(StoreError) -> [StoredAlert] {
        try await connection.read { try await Readers.alerts(account: account, on: $0) }
    }

    func accounts() async throws(StoreError) -> [String] {
        try await connection.read { try await Readers.accounts(on: $0) }
    }

    func timeZone(account: String) async throws(StoreError) -> String? {
        try await connection.read { try await Readers.timeZone(account: account, on: $0) }
    }

    func prune(account: String?, before day: LocalDay) async throws(StoreError) -> PruneSummary {
        try await connection.write { try await Pruner.prune(account: account, before: day, on: $0) }
    }

    func check() async throws(StoreError) -> StoreCheckReport {
        try await connection.read { try await Checker.check(on: $0) }
    }

    func close() async {
        await connection.close()
    }
}
