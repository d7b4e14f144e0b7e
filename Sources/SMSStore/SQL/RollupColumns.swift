import Foundation
import SMSCore
import SQLKit

/// How the two rollup grains map to their tables' columns, both ways.
enum RollupColumns {
    /// The figures both grains keep, after their keys.
    private static let figures = [
        "deliveries", "segments_gsm7", "segments_ucs2", "raw_values",
        "latency_count", "latency_sum_us", "latency_max_us", "latency_sketch",
    ]

    static let operatorGrain = ["account", "day", "operator", "prefix", "status"] + figures
    static let batchGrain = ["account", "day", "batch_id", "status"] + figures + ["first_sent_at_us", "last_sent_at_us"]

    static func values(of rollup: OperatorRollup) throws -> [any Encodable & Sendable] {
        let key: [any Encodable & Sendable] = [
            rollup.account, rollup.day.description, rollup.operatorName, rollup.prefix, rollup.status.rawValue,
        ]
        return key + (try figureValues(rollup.deliveries, rollup.gsm7Segments, rollup.ucs2Segments, rollup.rawValues, rollup.latency))
    }

    static func values(of rollup: BatchRollup) throws -> [any Encodable & Sendable] {
        let key: [any Encodable & Sendable] = [rollup.account, rollup.day.description, rollup.batchID, rollup.status.rawValue]
        let sentAt: [any Encodable & Sendable] = [rollup.firstSentAt.microseconds, rollup.lastSentAt.microseconds]
        return key + (try figureValues(rollup.deliveries, rollup.gsm7Segments, rollup.ucs2Segments, rollup.rawValues, rollup.latency))
            + sentAt
    }

    private static func figureValues(_ deliveries: Int, _ gsm7: Int, _ ucs2: Int, _ rawValues: [String],
                                     _ latency: LatencyRollup) throws -> [any Encodable & Sendable] {
        [deliveries, gsm7, ucs2, try JSONColumn.text(rawValues),
         latency.count, latency.sumMicroseconds, latency.maxMicroseconds, Data(latency.sketch)]
    }

    static func operatorRollup(_ row: any SQLRow) throws -> OperatorRollup {
        OperatorRollup(
            account: try row.string("account"), day: try row.day("day"), operatorName: try row.string("operator"),
            prefix: try row.string("prefix"), status: try row.status("status"), deliveries: try row.int("deliveries"),
            gsm7Segments: try row.int("segments_gsm7"), ucs2Segments: try row.int("segments_ucs2"),
            rawValues: try row.json("raw_values", as: [String].self), latency: try latency(row))
    }

    static func batchRollup(_ row: any SQLRow) throws -> BatchRollup {
        BatchRollup(
            account: try row.string("account"), day: try row.day("day"), batchID: try row.string("batch_id"),
            status: try row.status("status"), deliveries: try row.int("deliveries"),
            gsm7Segments: try row.int("segments_gsm7"), ucs2Segments: try row.int("segments_ucs2"),
            rawValues: try row.json("raw_values", as: [String].self), latency: try latency(row),
            firstSentAt: try row.instant("first_sent_at_us"), lastSentAt: try row.instant("last_sent_at_us"))
    }

    private static func latency(_ row: any SQLRow) throws -> LatencyRollup {
        LatencyRollup(
            count: try row.int("latency_count"), sumMicroseconds: try row.decode(column: "latency_sum_us", as: Int64.self),
            maxMicroseconds: try row.decode(column: "latency_max_us", as: Int64?.self),
            sketch: [UInt8](try row.decode(column: "latency_sketch", as: Data.self)))
    }
}
