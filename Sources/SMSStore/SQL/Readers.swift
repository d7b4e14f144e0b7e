import SMSCore
import SQLKit

/// The store's reads, each one statement, decoded back into the records exactly.
enum Readers {
    static func days(account: String, in range: ClosedRange<LocalDay>?, on database: any SQLDatabase) async throws -> [StoredDay] {
        var query: SQLQueryString = "SELECT * FROM days WHERE account = \(bind: account)"
        if let range { query += dayFilter(range) }
        query += " ORDER BY day"
        return try await database.raw(query).all().map { row in
            StoredDay(
                account: try row.string("account"), day: try row.day("day"), isComplete: try row.bool("complete"),
                dataAsOf: try row.decode(column: "data_as_of_us", as: Int64?.self).map(Instant.init(microseconds:)),
                snapshot: try row.string("snapshot"), deliveries: try row.int("deliveries"), messages: try row.int("messages"),
                qualityCounts: try row.json("quality", as: [String: Int].self))
        }
    }

    static func operatorRollups(account: String, in range: ClosedRange<LocalDay>, on database: any SQLDatabase) async throws -> [OperatorRollup] {
        let rows = try await database.raw("SELECT * FROM operator_rollups WHERE account = \(bind: account)" + dayFilter(range)).all()
        return try rows.map(RollupColumns.operatorRollup).sorted {
            ($0.day, $0.operatorName.utf8Order, $0.prefix.utf8Order, $0.status) < ($1.day, $1.operatorName.utf8Order, $1.prefix.utf8Order, $1.status)
        }
    }

    static func batchRollups(account: String, in range: ClosedRange<LocalDay>, on database: any SQLDatabase) async throws -> [BatchRollup] {
        let rows = try await database.raw("SELECT * FROM batch_rollups WHERE account = \(bind: account)" + dayFilter(range)).all()
        return try rows.map(RollupColumns.batchRollup).sorted {
            ($0.day, $0.batchID.utf8Order, $0.status) < ($1.day, $1.batchID.utf8Order, $1.status)
        }
    }

    static func runs(account: String, on database: any SQLDatabase) async throws -> [StoredRun] {
        try await database.raw("SELECT * FROM runs WHERE account = \(bind: account) ORDER BY started_at_us, id").all().map { row in
            StoredRun(
                account: try row.string("account"), command: try row.string("command"), period: try row.string("period"),
                periodFrom: try row.optionalDay("period_from"), periodTo: try row.optionalDay("period_to"),
                startedAt: try row.instant("started_at_us"), finishedAt: try row.instant("finished_at_us"),
                exitCode: try row.int("exit_code"), isComplete: try row.bool("complete"), deliveries: try row.int("deliveries"),
                files: try row.json("files", as: [String].self), emailed: try row.bool("emailed"), alerts: try row.int("alerts"),
                snapshot: try row.decode(column: "snapshot", as: String?.self))
        }
    }

    static func metrics(account: String, on database: any SQLDatabase) async throws -> [StoredMetricReading] {
        let rows = try await database.raw("SELECT * FROM metrics WHERE account = \(bind: account) ORDER BY read_at_us").all()
        return try rows.map { row in
            StoredMetricReading(
                account: try row.string("account"), readAt: try row.instant("read_at_us"), key: try row.string("key"),
                value: try row.string("value"), isNumber: try row.bool("is_number"))
        }.sorted { ($0.readAt, $0.key.utf8Order) < ($1.readAt, $1.key.utf8Order) }
    }

    static func alerts(account: String, on database: any SQLDatabase) async throws -> [StoredAlert] {
        try await database.raw("SELECT * FROM alerts WHERE account = \(bind: account) ORDER BY raised_at_us, id").all().map { row in
            StoredAlert(
                account: try row.string("account"), period: try row.string("period"), raisedAt: try row.instant("raised_at_us"),
                scope: try row.string("scope"), operatorName: try row.string("operator"), metric: try row.string("metric"),
                periodValue: try row.string("period_value"), baselineValue: try row.string("baseline_value"),
                change: try row.string("change"), deliveries: try row.int("deliveries"),
                baselineDeliveries: try row.int("baseline_deliveries"), z: try row.string("z"), message: try row.string("message"))
        }
    }

    static func accounts(on database: any SQLDatabase) async throws -> [String] {
        try await database.raw("SELECT account FROM accounts").all(decodingColumn: "account", as: String.self)
            .sorted { $0.utf8Order < $1.utf8Order }
    }

    static func timeZone(account: String, on database: any SQLDatabase) async throws -> String? {
        try await database.raw("SELECT timezone FROM accounts WHERE account = \(bind: account)")
            .first(decodingColumn: "timezone", as: String.self)
    }

    private static func dayFilter(_ range: ClosedRange<LocalDay>) -> SQLQueryString {
        " AND day >= \(bind: range.lowerBound.description) AND day <= \(bind: range.upperBound.description)"
    }
}

/// Text in byte order, the order SQLite sorts in; the same on both backends whatever
/// PostgreSQL's collation.
private struct UTF8Order: Comparable {
    let text: String
    static func < (lhs: UTF8Order, rhs: UTF8Order) -> Bool { lhs.text.utf8.lexicographicallyPrecedes(rhs.text.utf8) }
    static func == (lhs: UTF8Order, rhs: UTF8Order) -> Bool { lhs.text.utf8.elementsEqual(rhs.text.utf8) }
}

private extension String {
    var utf8Order: UTF8Order { UTF8Order(text: self) }
}
