import SMSCore
import SMSIngest

/// Reconciles the metrics snapshot's `enqueue` counters with the deliveries (contract §10).
package enum Reconciliation {
    /// The Kathmandu days the gateway's counters are kept in.
    package static let counterTimeZone = ReportTimeZone.kathmandu

    /// A row for each `sms:metrics:enqueue:op:<OP>:d:<YYYYMMDD>` counter whose day lies
    /// in `days` (none when `days` is nil), ordered by day, then operator. `deliveries` counts every delivery of the
    /// snapshot with that operator and Kathmandu day of `sent_at`, whatever `--batch`
    /// selects (the counters are not per batch).
    package static func rows(metrics: [MetricReading], deliveries: [Delivery], days: ClosedRange<LocalDay>?) -> [ReconciliationRow] {
        guard let days else { return [] }
        var counters: [CounterKey: Int?] = [:]
        for reading in metrics {
            let key = MetricKey(parsing: reading.key)
            guard key.metric == "enqueue", !key.operatorName.isEmpty, let day = key.day, days.contains(day) else { continue }
            counters[CounterKey(day: day, operatorName: key.operatorName)] = wholeNumber(reading.value)
        }
        guard !counters.isEmpty else { return [] }
        // Counted a day at a time, with the day's few operators in a short list, and
        // added to the keys once the day changes: deliveries come in page order, which
        // follows time, so this is one dictionary look-up per day and operator instead
        // of two per delivery.
        var counted: [CounterKey: Int] = [:]
        var currentDay: LocalDay?
        var countsOfDay: [(operatorName: String, count: Int)] = []
        func addCountsOfDay() {
            guard let currentDay else { return }
            for (operatorName, count) in countsOfDay {
                let key = CounterKey(day: currentDay, operatorName: operatorName)
                if counters[key] != nil {
                    counted[key, default: 0] += count
                }
            }
        }
        var clock = LocalClock(timeZone: counterTimeZone)
        for index in deliveries.indices {
            let day = clock.day(of: deliveries[index].sentAt)
            guard days.contains(day) else { continue }
            if day != currentDay {
                addCountsOfDay()
                currentDay = day
                countsOfDay.removeAll(keepingCapacity: true)
            }
            let operatorName = deliveries[index].operatorName
            if let position = countsOfDay.firstIndex(where: { $0.operatorName == operatorName }) {
                countsOfDay[position].count += 1
            } else {
                countsOfDay.append((operatorName, 1))
            }
        }
        addCountsOfDay()
        return counters.keys.sorted().map { key in
            ReconciliationRow(day: key.day, operatorName: key.operatorName, enqueued: counters[key] ?? nil,
                              deliveries: counted[key] ?? 0)
        }
    }

    /// The `reconciliation` table of `rows`.
    package static func table(_ rows: [ReconciliationRow]) -> Table {
        Table(name: "reconciliation",
              columns: [Column("day", .day), Column("operator", .text), Column("enqueued", .integer),
                        Column("deliveries", .integer), Column("difference", .integer)],
              rows: rows.map { row in
                  [.day(row.day), .text(row.operatorName), row.enqueued.map(Cell.integer) ?? .empty,
                   .integer(row.deliveries), row.difference.map(Cell.integer) ?? .empty]
              })
    }

    /// The `metrics_mismatch` check: the rows that are mismatches, and the worst of them
    /// (the largest difference, then the earliest) as the example.
    package static func mismatches(_ rows: [ReconciliationRow]) -> (count: Int, example: String) {
        let mismatched = rows.filter(\.isMismatch)
        guard let worst = mismatched.max(by: { ($0.difference ?? 0).magnitude < ($1.difference ?? 0).magnitude }) else {
            return (0, "")
        }
        let example = "\(worst.day) \(worst.operatorName): enqueued \(worst.enqueued ?? 0), "
            + "deliveries \(worst.deliveries), difference \(worst.difference ?? 0)"
        return (mismatched.count, example)
    }

    private static func wholeNumber(_ value: MetricReading.Value) -> Int? {
        guard case .number(let literal) = value, let number = Int(literal), number >= 0 else { return nil }
        return number
    }

    private struct CounterKey: Hashable, Comparable {
        let day: LocalDay
        let operatorName: String

        static func < (left: CounterKey, right: CounterKey) -> Bool {
            if left.day != right.day { return left.day < right.day }
            return TableBuilder.byteOrder(left.operatorName, right.operatorName)
        }
    }
}
