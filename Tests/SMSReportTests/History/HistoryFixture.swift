import Foundation
@testable import SMSAggregate
@testable import SMSCore
@testable import SMSHistory
@testable import SMSIngest
@testable import SMSStore
@testable import SMSWorld
import Testing

/// Snapshots for the history tests, their days as the store would get them, and the
/// report's figures to compare the store's with.
enum HistoryFixture {
    static let timeZone = ReportTimeZone.kathmandu
    static let account = "acme"
    static let generatedAt = Instant(unixSeconds: 1_762_300_800)

    /// The bundled samples, read once.
    static let rich = Task { try await SnapshotReader().read(folder: PackagePaths.sample("rich")) }
    static let apiDoc = Task { try await SnapshotReader().read(folder: PackagePaths.sample("api-doc")) }
    /// A generated world with every quirk, 20,000 deliveries over 40 days (two months and more).
    static let world = Task { try await generatedWorld(deliveries: 20_000, days: 40, seed: 7) }

    /// A world of SMSWorld written to a temporary snapshot folder and read back.
    static func generatedWorld(deliveries: Int, days: Int, seed: UInt64) async throws -> LoadedSnapshot {
        let world = World(parameters: try WorldParameters(deliveries: deliveries, days: days, seed: seed, quirks: true))
        let folder = try TemporaryFolder()
        _ = try SnapshotWriter(world: world, pageSize: 10_000).write(to: URL(fileURLWithPath: folder.path))
        return try await SnapshotReader().read(folder: folder.path)
    }

    /// The first and last local day with deliveries.
    static func dataDays(_ snapshot: LoadedSnapshot) throws -> ClosedRange<LocalDay> {
        var clock = LocalClock(timeZone: timeZone)
        let days = snapshot.normalized.deliveries.map { clock.day(of: $0.sentAt) }
        return try #require(days.min())...(try #require(days.max()))
    }

    /// Every day of `days` written complete, as if the snapshot covered them all.
    static func writes(_ snapshot: LoadedSnapshot, days: ClosedRange<LocalDay>) -> [DayWrite] {
        let all = (days.lowerBound.daysSinceEpoch...days.upperBound.daysSinceEpoch).map(LocalDay.init(daysSinceEpoch:))
        return DayRollupBuilder.dayWrites(snapshot: snapshot, account: account, timeZone: timeZone,
                                          plan: StoredDayPlan(days: all, completeDays: Set(all)), snapshotName: "unit")
    }

    /// The history table of `writes` for `query`.
    static func history(_ writes: [DayWrite], _ query: HistoryQuery) throws -> HistoryResult {
        try HistoryTableBuilder.result(query: query, days: writes.map(\.day),
                                       operatorRollups: writes.flatMap(\.operatorRollups),
                                       batchRollups: writes.flatMap(\.batchRollups))
    }

    /// The report's tables over `days`.
    static func report(_ snapshot: LoadedSnapshot, days: ClosedRange<LocalDay>) -> ReportTables {
        Aggregator.tables(for: snapshot, options: ReportOptions(timeZone: timeZone, from: days.lowerBound,
                                                                to: days.upperBound, generatedAt: generatedAt))
    }

    /// The percentile columns, which the store gives within 1%.
    static let percentileColumns: Set<String> = ["latency_p50_s", "latency_p90_s", "latency_p95_s", "latency_p99_s"]

    /// Each row's `<G>` cells by column name, keyed by the row's `key` column.
    static func groupCells(_ table: Table, key: String) throws -> [String: [String: Cell]] {
        let keyIndex = try #require(table.columnIndex(key))
        var rows: [String: [String: Cell]] = [:]
        for row in table.rows {
            var cells: [String: Cell] = [:]
            for column in GroupColumns.columns {
                cells[column.name] = row[try #require(table.columnIndex(column.name))]
            }
            rows[text(row[keyIndex])] = cells
        }
        return rows
    }

    static func text(_ cell: Cell) -> String {
        switch cell {
        case .text(let text): text
        case .day(let day): day.description
        default: "\(cell)"
        }
    }

    /// Expects the store's `<G>` cells to equal the report's: exactly, except the
    /// percentiles, within 1% relative error for latencies of at least 1 ms.
    /// Returns how many percentiles it compared (those of at least 1 ms).
    @discardableResult
    static func expectSameFigures(store: [String: Cell], report: [String: Cell], _ what: String) -> Int {
        var compared = 0
        for column in GroupColumns.columns.map(\.name) {
            let stored = store[column], reported = report[column]
            guard percentileColumns.contains(column), case .seconds(let approx)? = stored,
                  case .seconds(let exact)? = reported else {
                #expect(stored == reported, "\(what) \(column)")
                continue
            }
            guard exact >= 1_000 else { continue }
            let error = abs(Double(approx - exact)) / Double(exact)
            #expect(error <= 0.01, "\(what) \(column): \(approx) µs from the store, \(exact) µs exact")
            compared += 1
        }
        return compared
    }

    /// Expects every group of the report's by_day, by_operator, by_prefix, by_batch and
    /// by_status over each month of `days` to match the store's monthly history.
    /// Returns how many percentiles were compared.
    static func expectStoreMatchesReport(_ snapshot: LoadedSnapshot, days: ClosedRange<LocalDay>) throws -> Int {
        var compared = 0
        let writes = writes(snapshot, days: days)
        let byDay = try history(writes, HistoryQuery(account: account, bucket: .day))
        let reportByDay = try groupCells(report(snapshot, days: days).byDay, key: "day")
        let storeByDay = try groupCells(byDay.table, key: "bucket")
        for (day, figures) in reportByDay {
            compared += expectSameFigures(store: storeByDay[day] ?? [:], report: figures, "by_day \(day)")
        }
        #expect(storeByDay.values.filter { $0["deliveries"] != .integer(0) }.count == reportByDay.count)

        for month in LocalMonth.months(from: LocalMonth(containing: days.lowerBound), through: LocalMonth(containing: days.upperBound)) {
            let period = max(month.firstDay, days.lowerBound)...min(month.lastDay, days.upperBound)
            let report = report(snapshot, days: period)
            let groupings: [(HistoryGroup, Table, String)] = [
                (.operatorName, report.byOperator, "operator"), (.prefix, report.byPrefix, "prefix"),
                (.batch, report.byBatch, "batch_id"),
            ]
            for (group, table, key) in groupings {
                let stored = try history(writes, HistoryQuery(account: account, from: period.lowerBound, to: period.upperBound,
                                                              bucket: .month, group: group))
                let storeRows = try groupCells(stored.table, key: group.columnName)
                let reportRows = try groupCells(table, key: key)
                #expect(Set(storeRows.keys) == Set(reportRows.keys), "\(group) groups of \(month)")
                for (name, figures) in reportRows {
                    compared += expectSameFigures(store: storeRows[name] ?? [:], report: figures, "\(key) \(name) of \(month)")
                }
            }
            let byStatus = try history(writes, HistoryQuery(account: account, from: period.lowerBound, to: period.upperBound,
                                                            bucket: .month, group: .status))
            let storeDeliveries = try groupCells(byStatus.table, key: "status").mapValues { $0["deliveries"] }
            let reportStatus = report.byStatus
            let statusIndex = try #require(reportStatus.columnIndex("status"))
            let deliveriesIndex = try #require(reportStatus.columnIndex("deliveries"))
            let reportDeliveries = Dictionary(uniqueKeysWithValues: reportStatus.rows.map {
                (text($0[statusIndex]), Optional($0[deliveriesIndex]))
            })
            #expect(storeDeliveries == reportDeliveries, "by_status of \(month)")
        }
        return compared
    }
}
