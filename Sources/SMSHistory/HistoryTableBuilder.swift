import SMSAggregate
import SMSCore
import SMSStore

/// Builds the `history` trend table from stored days and rollups alone (contract §9).
///
/// Each bucket's row merges the rollups of its stored days: counts, latency count,
/// sum (so the mean) and max are exact; the percentiles come from the merged sketches,
/// within 1% (column `latency_quantiles` = `approx-1%`). Days not stored, and stored
/// days whose rollups were pruned, are reported apart and never counted as zero.
package enum HistoryTableBuilder {
    /// The `latency_quantiles` value of every row: percentiles within 1% relative error.
    package static let quantileAccuracy = "approx-1%"

    /// The trend table of `query` over `days` (the account's stored days) and their
    /// rollups: `operatorRollups` always, `batchRollups` for `--group batch`.
    package static func result(query: HistoryQuery, days: [StoredDay], operatorRollups: [OperatorRollup],
                               batchRollups: [BatchRollup]) throws(HistoryError) -> HistoryResult {
        let accountDays = days.filter { $0.account == query.account }
        guard let covered = coveredDays(query: query, storedDays: accountDays.map(\.day)) else {
            return HistoryResult(table: emptyTable(query), missingDays: [], prunedDays: [], coveredDays: nil,
                                 storedDays: 0, completeDays: 0)
        }
        let inRange = accountDays.filter { covered.contains($0.day) }
        let daysWithRollups = query.group == .batch ? Set(batchRollups.map(\.day)) : Set(operatorRollups.map(\.day))
        let pruned = inRange.filter { $0.deliveries > 0 && !daysWithRollups.contains($0.day) }.map(\.day)
        let prunedSet = Set(pruned)
        let usable = inRange.filter { !prunedSet.contains($0.day) }
        let storedSet = Set(inRange.map(\.day))
        let missing = (covered.lowerBound.daysSinceEpoch...covered.upperBound.daysSinceEpoch)
            .map(LocalDay.init(daysSinceEpoch:)).filter { !storedSet.contains($0) }

        var buckets = HistoryBuckets(bucket: query.bucket)
        for day in usable {
            buckets.count(day)
        }
        let usableSet = Set(usable.map(\.day))
        var figures: [HistoryRowKey: MergedFigures] = [:]
        if query.group == .batch {
            for rollup in batchRollups where rollup.account == query.account && usableSet.contains(rollup.day) {
                let key = HistoryRowKey(bucket: buckets.order(of: rollup.day), group: rollup.batchID)
                try figures[key, default: MergedFigures()].add(status: rollup.status, deliveries: rollup.deliveries,
                                                                latency: rollup.latency, account: query.account, day: rollup.day)
            }
        } else {
            for rollup in operatorRollups where rollup.account == query.account && usableSet.contains(rollup.day) {
                let key = HistoryRowKey(bucket: buckets.order(of: rollup.day), group: groupKey(rollup, query.group))
                try figures[key, default: MergedFigures()].add(status: rollup.status, deliveries: rollup.deliveries,
                                                                latency: rollup.latency, account: query.account, day: rollup.day)
            }
        }
        return HistoryResult(table: table(query: query, buckets: buckets, figures: figures), missingDays: missing,
                             prunedDays: pruned.sorted(), coveredDays: covered, storedDays: usable.count,
                             completeDays: usable.filter(\.isComplete).count)
    }

    /// `--from`…`--to`, each defaulting to the first or last stored day; nil when a
    /// bound is missing (nothing stored) or the bounds are reversed.
    package static func coveredDays(query: HistoryQuery, storedDays: [LocalDay]) -> ClosedRange<LocalDay>? {
        guard let lower = query.from ?? storedDays.min(), let upper = query.to ?? storedDays.max(),
              lower <= upper else { return nil }
        return lower...upper
    }

    /// The table's columns for `query`.
    package static func columns(_ query: HistoryQuery) -> [Column] {
        [Column("bucket", .text)] + (query.group.map { [Column($0.columnName, .text)] } ?? []) + GroupColumns.columns
            + [Column("latency_quantiles", .text), Column("complete_days", .integer), Column("stored_days", .integer)]
    }

    private static func emptyTable(_ query: HistoryQuery) -> Table {
        Table(name: tableName, columns: columns(query), rows: [])
    }

    /// The table's name in every format (`history.csv`, …).
    package static let tableName = "history"

    private static func groupKey(_ rollup: OperatorRollup, _ group: HistoryGroup?) -> String {
        switch group {
        case nil, .batch: ""
        case .operatorName: rollup.operatorName
        case .prefix: rollup.prefix
        case .status: rollup.status.rawValue
        }
    }

    private static func table(query: HistoryQuery, buckets: HistoryBuckets,
                              figures: [HistoryRowKey: MergedFigures]) -> Table {
        let groupsByBucket = Dictionary(grouping: figures.keys, by: \.bucket)
        var rows: [[Cell]] = []
        for bucket in buckets.orders {
            let tail: [Cell] = [.text(quantileAccuracy), .integer(buckets.completeDays(bucket)),
                                .integer(buckets.storedDays(bucket))]
            let label = Cell.text(buckets.label(bucket))
            guard let group = query.group else {
                let statistics = (figures[HistoryRowKey(bucket: bucket, group: "")] ?? MergedFigures()).statistics
                rows.append([label] + GroupColumns.cells(statistics) + tail)
                continue
            }
            let keys = (groupsByBucket[bucket] ?? []).sorted { groupOrder($0.group, $1.group, group) }
            for key in keys {
                let statistics = (figures[key] ?? MergedFigures()).statistics
                let shown = group == .batch && key.group.isEmpty ? Delivery.noBatchLabel : key.group
                rows.append([label, .text(shown)] + GroupColumns.cells(statistics) + tail)
            }
        }
        return Table(name: tableName, columns: columns(query), rows: rows)
    }

    /// Plain UTF-8 order; for batches the empty id, `(no batch)`, comes last.
    private static func groupOrder(_ left: String, _ right: String, _ group: HistoryGroup) -> Bool {
        if group == .batch, left.isEmpty != right.isEmpty { return right.isEmpty }
        return left.utf8.lexicographicallyPrecedes(right.utf8)
    }
}

/// One row's key: its bucket's order and its group (empty when ungrouped).
struct HistoryRowKey: Hashable {
    var bucket: Int
    var group: String
}
