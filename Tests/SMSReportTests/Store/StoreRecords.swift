import SMSCore
import SMSStore

/// Sample records for the store tests: every field set, with the awkward values
/// (nil, empty, non-ASCII, bytes 0 and 255, extreme numbers) the columns must keep.
enum StoreRecords {
    static let account = "acme"
    static let timeZone = "Asia/Kathmandu"
    static let firstDay = LocalDay(year: 2025, month: 11, day: 1)

    static func day(_ offset: Int32, account: String = account) -> LocalDay {
        LocalDay(daysSinceEpoch: firstDay.daysSinceEpoch + offset)
    }

    /// A whole day: `operators` operator rollups and `batches` batch rollups, whose
    /// deliveries add up to the days row's on each grain. `seed` varies the figures.
    static func dayWrite(_ day: LocalDay, operators: Int = 3, batches: Int = 4, seed: Int = 0,
                         account: String = account) -> DayWrite {
        let statuses = DeliveryStatus.allCases
        let operatorRollups = (0..<operators).map { index in
            OperatorRollup(
                account: account, day: day, operatorName: ["NTC", "NCELL", "OTHER", "INVALID", "Ñepal-Ω"][index % 5] + "\(index / 5)",
                prefix: index % 7 == 3 ? "" : String(984 + index % 3), status: statuses[index % statuses.count],
                deliveries: 10 + index + seed, gsm7Segments: 3 * index + seed, ucs2Segments: index % 2,
                rawValues: index % 4 == 0 ? [] : ["DELIVRD", "délivré \(index)"], latency: latency(index + seed))
        }
        let batchRollups = (0..<batches).map { index in
            BatchRollup(
                account: account, day: day, batchID: index == 0 ? "" : "batch/\(index)?\u{7}", status: statuses[(index + 1) % statuses.count],
                deliveries: 0, gsm7Segments: index + seed, ucs2Segments: 2 * index, rawValues: ["x\(index)"],
                latency: latency(index * 3 + seed),
                firstSentAt: Instant(microseconds: 1_762_000_000_000_001 + Int64(index)),
                lastSentAt: Instant(microseconds: 1_762_000_000_999_999 + Int64(index)))
        }
        let total = operatorRollups.reduce(0) { $0 + $1.deliveries }
        var spread = batchRollups
        for index in spread.indices { spread[index].deliveries = total / batches + (index < total % batches ? 1 : 0) }
        return DayWrite(
            day: StoredDay(account: account, day: day, isComplete: seed % 2 == 0,
                           dataAsOf: seed % 3 == 2 ? nil : Instant(microseconds: 1_762_100_000_123_456 + Int64(seed)),
                           snapshot: "snapshots/2025-11-0\(seed % 9)", deliveries: total, messages: total / 2 + seed,
                           qualityCounts: ["duplicate_rows": seed, "invalid_numbers": 2, "pages_missing": 0]),
            operatorRollups: operatorRollups, batchRollups: batches == 0 ? [] : spread)
    }

    static func latency(_ index: Int) -> LatencyRollup {
        index % 5 == 4
            ? LatencyRollup(count: 0, sumMicroseconds: 0, maxMicroseconds: nil, sketch: [])
            : LatencyRollup(count: index + 1, sumMicroseconds: Int64.max / 4 + Int64(index), maxMicroseconds: 9_999_999_999 + Int64(index),
                            sketch: [0, 255, 1, 0, UInt8(index % 256), 127, 128] + Array(repeating: UInt8(index % 251), count: index % 40))
    }

    static func run(_ index: Int) -> StoredRun {
        StoredRun(account: account, command: index % 2 == 0 ? "run" : "report", period: "2025-11-0\(index + 1)",
                  periodFrom: index % 2 == 0 ? day(Int32(index)) : nil, periodTo: index % 2 == 0 ? day(Int32(index)) : nil,
                  startedAt: Instant(microseconds: 1_762_300_000_000_000 + Int64(index)),
                  finishedAt: Instant(microseconds: 1_762_300_001_000_000 + Int64(index)), exitCode: index % 2 == 0 ? 0 : 3,
                  isComplete: index % 2 == 0, deliveries: 1_000 * index, files: index == 0 ? [] : ["acme/2025-11-01/report.xlsx", "ü.csv"],
                  emailed: index == 1, alerts: index, snapshot: index == 0 ? nil : "snap-\(index)")
    }

    static func alert(_ index: Int) -> StoredAlert {
        StoredAlert(account: account, period: "2025-11-04", raisedAt: Instant(microseconds: 1_762_300_002_000_000 + Int64(index)),
                    scope: index == 0 ? "account" : "operator", operatorName: index == 0 ? "" : "NTC",
                    metric: index == 0 ? "delivery_rate" : "latency_p95_s", periodValue: "0.9123", baselineValue: "0.9871",
                    change: "-0.0748", deliveries: 12_000, baselineDeliveries: 84_000, z: index == 0 ? "-4.21" : "",
                    message: "delivery rate fell “sharply” \(index)")
    }

    static func readings(at readAt: Instant) -> [StoredMetricReading] {
        [StoredMetricReading(account: account, readAt: readAt, key: "sms:metrics:enqueue:op:NTC:d:20251104", value: "1234", isNumber: true),
         StoredMetricReading(account: account, readAt: readAt, key: "sms:metrics:note", value: "text ☃", isNumber: false),
         StoredMetricReading(account: account, readAt: readAt, key: "sms:metrics:big", value: "1.5e300", isNumber: true)]
    }
}
