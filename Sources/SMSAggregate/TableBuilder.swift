import SMSCore
import SMSIngest
import SMSBilling

/// Builds each table of contract §4 from the grouped figures, in the contract's
/// column order and row order.
package enum TableBuilder {
    /// The summary's rows: eight about the report, then one per group column.
    package static let summaryRowCount = 8 + GroupColumns.columns.count

    package static func summary(_ summary: ReportSummary) -> Table {
        let dayCell = { (day: LocalDay?) -> Cell in day.map(Cell.day) ?? .empty }
        var rows: [[Cell]] = [
            [.text("period_from"), dayCell(summary.periodFrom)],
            [.text("period_to"), dayCell(summary.periodTo)],
            [.text("timezone"), .text(summary.timeZone.identifier)],
            [.text("generated_at"), .timestamp(summary.generatedAt)],
            [.text("data_as_of"), summary.dataAsOf.map(Cell.timestamp) ?? .empty],
            [.text("complete"), .boolean(summary.isComplete)],
            [.text("messages"), .integer(summary.messages)],
            [.text("batches"), .integer(summary.batches)],
        ]
        for (column, cell) in zip(GroupColumns.columns, GroupColumns.cells(summary.totals)) {
            rows.append([.text(column.name), cell])
        }
        return Table(name: "summary", columns: [Column("metric", .text), Column("value", .mixed)], rows: rows)
    }

    /// Finished groups: each key with its figures.
    package typealias Groups<Key> = [(key: Key, statistics: GroupStatistics)]

    package static func byBatch(_ groups: Groups<String>) -> Table {
        let finished = groups.sorted { left, right in
            if left.key.isEmpty != right.key.isEmpty {
                return right.key.isEmpty
            }
            if left.statistics.firstSentAt != right.statistics.firstSentAt {
                return left.statistics.firstSentAt < right.statistics.firstSentAt
            }
            return byteOrder(left.key, right.key)
        }
        let rows = finished.map { group -> [Cell] in
            [.text(batchLabel(group.key)), .timestamp(group.statistics.firstSentAt),
             .timestamp(group.statistics.lastSentAt)] + GroupColumns.cells(group.statistics)
        }
        return Table(name: "by_batch",
                     columns: [Column("batch_id", .text), Column("first_sent_at", .timestamp),
                               Column("last_sent_at", .timestamp)] + GroupColumns.columns,
                     rows: rows)
    }

    /// Operator groups in `by_operator`'s order: deliveries descending, then operator.
    package static func operatorOrder(_ groups: Groups<String>) -> Groups<String> {
        groups.sorted { left, right in
            if left.statistics.deliveries != right.statistics.deliveries {
                return left.statistics.deliveries > right.statistics.deliveries
            }
            return byteOrder(left.key, right.key)
        }
    }

    /// `by_operator` from groups already in ``operatorOrder(_:)``.
    package static func byOperator(_ ordered: Groups<String>) -> Table {
        Table(name: "by_operator", columns: [Column("operator", .text)] + GroupColumns.columns,
              rows: ordered.map { [.text($0.key)] + GroupColumns.cells($0.statistics) })
    }

    /// Delivered and deliveries per (day, operator), summed over the cube's groups.
    package static func operatorDays(_ cube: Groups<CubeKey>, names: CubeNames) -> [OperatorDayCount] {
        var counts: [OperatorDayKey: (deliveries: Int, delivered: Int)] = [:]
        for group in cube {
            let key = OperatorDayKey(day: names.days[Int(group.key.day)], operatorName: names.operators[Int(group.key.operatorIndex)])
            let delivered = group.key.status == .delivered ? group.statistics.deliveries : 0
            counts[key, default: (0, 0)].deliveries += group.statistics.deliveries
            counts[key, default: (0, 0)].delivered += delivered
        }
        return counts.sorted { left, right in
            left.key.day != right.key.day ? left.key.day < right.key.day : byteOrder(left.key.operatorName, right.key.operatorName)
        }.map { OperatorDayCount(day: $0.key.day, operatorName: $0.key.operatorName,
                                 deliveries: $0.value.deliveries, delivered: $0.value.delivered) }
    }

    private struct OperatorDayKey: Hashable {
        let day: LocalDay
        let operatorName: String
    }

    package static func byPrefix(_ groups: Groups<String>, operatorByPrefix: [String: String]) -> Table {
        let finished = groups.sorted { byteOrder($0.key, $1.key) }
        return Table(name: "by_prefix",
                     columns: [Column("prefix", .text), Column("operator", .text)] + GroupColumns.columns,
                     rows: finished.map {
                         [.text($0.key), .text(operatorByPrefix[$0.key] ?? "")] + GroupColumns.cells($0.statistics)
                     })
    }

    package static func byDay(_ groups: Groups<LocalDay>) -> Table {
        let finished = groups.sorted { $0.key < $1.key }
        return Table(name: "by_day", columns: [Column("day", .day)] + GroupColumns.columns,
                     rows: finished.map { [.day($0.key)] + GroupColumns.cells($0.statistics) })
    }

    package static func byStatus(counts: [Int], rawValues: [DeliveryStatus: Set<String>]) -> Table {
        let total = counts.reduce(0, +)
        let rows = DeliveryStatus.allCases
            .filter { counts[$0.ordinal] > 0 }
            .sorted { left, right in
                counts[left.ordinal] != counts[right.ordinal]
                    ? counts[left.ordinal] > counts[right.ordinal] : left.rawValue < right.rawValue
            }
            .map { status -> [Cell] in
                [.text(status.rawValue), .text((rawValues[status] ?? []).sorted(by: byteOrder).joined(separator: ";")),
                 .integer(counts[status.ordinal]), .rate(Ratio(counts[status.ordinal], over: total))]
            }
        return Table(name: "by_status",
                     columns: [Column("status", .text), Column("raw_values", .text),
                               Column("deliveries", .integer), Column("share", .rate)],
                     rows: rows)
    }

    package static func cube(_ groups: Groups<CubeKey>, names: CubeNames) -> Table {
        // Ordered by day, batch (the empty one last), operator, prefix and status, the
        // texts by their bytes. Each grouping's names are ranked once, so the sort of
        // tens of thousands of groups compares integers and moves indices.
        let batchRanks = ranks(of: names.batches, emptyLast: true)
        let operatorRanks = ranks(of: names.operators)
        let prefixRanks = ranks(of: names.prefixes)
        func sortKey(_ key: CubeKey) -> (Int32, Int32, Int32, Int32, Int) {
            (names.days[Int(key.day)].daysSinceEpoch, batchRanks[Int(key.batch)], operatorRanks[Int(key.operatorIndex)],
             prefixRanks[Int(key.prefix)], statusRanks[key.status.ordinal])
        }
        let order = groups.indices.sorted { sortKey(groups[$0].key) < sortKey(groups[$1].key) }
        let rows = order.map { index -> [Cell] in
            let (key, statistics) = groups[index]
            return [.day(names.days[Int(key.day)]), .text(batchLabel(names.batches[Int(key.batch)])),
                    .text(names.operators[Int(key.operatorIndex)]), .text(names.prefixes[Int(key.prefix)]),
                    .text(key.status.rawValue), .integer(statistics.deliveries),
                    .integer(statistics.latency?.count ?? 0)]
                + LatencyColumns.cells(statistics.latency)
        }
        return Table(name: "cube",
                     columns: [Column("day", .day), Column("batch_id", .text), Column("operator", .text),
                               Column("prefix", .text), Column("status", .text), Column("deliveries", .integer),
                               Column("latency_count", .integer)] + LatencyColumns.statistics,
                     rows: rows)
    }

    /// Each name's position among `names` ordered by their UTF-8 bytes (the empty name
    /// after the others with `emptyLast`). The names are distinct.
    private static func ranks(of names: [String], emptyLast: Bool = false) -> [Int32] {
        let sorted = names.indices.sorted { left, right in
            if emptyLast, names[left].isEmpty != names[right].isEmpty {
                return names[right].isEmpty
            }
            return byteOrder(names[left], names[right])
        }
        var ranks = [Int32](repeating: 0, count: names.count)
        for (rank, index) in sorted.enumerated() {
            ranks[index] = Int32(rank)
        }
        return ranks
    }

    /// Each status's position, by ordinal, among the statuses ordered by their names.
    private static let statusRanks: [Int] = {
        let byName = DeliveryStatus.allCases.sorted { $0.rawValue < $1.rawValue }
        return DeliveryStatus.allCases.map { status in byName.firstIndex(of: status) ?? 0 }
    }()

    package static func latencyHistogram(_ counts: [Int]) -> Table {
        Table(name: "latency_histogram",
              columns: [Column("bucket", .text), Column("deliveries", .integer)],
              rows: LatencyBucket.allCases.map { [.text($0.label), .integer(counts[$0.rawValue])] })
    }

    package static func metrics(_ readings: [MetricReading]) -> Table {
        let rows = readings.sorted { byteOrder($0.key, $1.key) }.map { reading -> [Cell] in
            let key = MetricKey(parsing: reading.key)
            let value: Cell
            switch reading.value {
            case .number(let literal): value = .number(literal)
            case .text(let text): value = .text(text)
            }
            return [.text(reading.key), .text(key.metric), .text(key.operatorName), key.day.map(Cell.day) ?? .empty, value]
        }
        return Table(name: "metrics",
                     columns: [Column("key", .text), Column("metric", .text), Column("operator", .text),
                               Column("day", .day), Column("value", .number)],
                     rows: rows)
    }

    /// The deliveries table; with `billableBy`, a last `billable` column says whether
    /// that rate card bills each delivery.
    package static func deliveries(_ snapshot: NormalizedSnapshot, selection: DeliverySelection,
                           billableBy rateCard: RateCard? = nil) -> Table {
        let deliveries = snapshot.deliveries
        let messages = snapshot.messages
        let columns = deliveryColumns + (rateCard == nil ? [] : [billableColumn])
        return Table(name: "deliveries", columns: columns, rowCount: selection.order.count) { row in
            let index = Int(selection.order[row])
            let delivery = deliveries[index]
            let message = messages[delivery.messageID]
            return [
                .day(selection.days[index]),
                .timestamp(delivery.sentAt),
                delivery.deliveredAt.map(Cell.timestamp) ?? .empty,
                delivery.latencyMicroseconds.map(Cell.seconds) ?? .empty,
                .text(batchLabel(delivery.batchID)),
                .text(delivery.phone),
                .text(delivery.operatorName),
                .text(delivery.prefix),
                .text(delivery.status.rawValue),
                .text(delivery.statusRaw),
                .text(message.text),
                delivery.recipientName.map(Cell.text) ?? .empty,
                .text(message.encoding.rawValue),
                .integer(message.segments),
            ] + (rateCard.map { [.boolean($0.bills(delivery.status))] } ?? [])
        }
    }

    /// The workbook's reconciliation column: whether the rate card bills the delivery.
    package static let billableColumn = Column("billable", .boolean)

    package static let deliveryColumns: [Column] = [
        Column("day", .day), Column("sent_at", .timestamp), Column("delivered_at", .timestamp),
        Column("latency_s", .seconds), Column("batch_id", .text), Column("phone", .text),
        Column("operator", .text), Column("prefix", .text), Column("status", .text),
        Column("status_raw", .text), Column("message", .text), Column("recipient_name", .text),
        Column("encoding", .text), Column("segments", .integer),
    ]

    private static func batchLabel(_ batchID: String) -> String {
        batchID.isEmpty ? Delivery.noBatchLabel : batchID
    }

    /// Strings ordered by their UTF-8 bytes, as `sort` in most tools orders them.
    package static func byteOrder(_ left: String, _ right: String) -> Bool {
        left.utf8.lexicographicallyPrecedes(right.utf8)
    }

}
