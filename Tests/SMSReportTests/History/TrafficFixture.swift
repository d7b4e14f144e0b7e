import Foundation
import QuantileSketch
@testable import SMSAggregate
@testable import SMSCore
@testable import SMSHistory
@testable import SMSStore
import Testing

/// A generated month of one account's traffic, day by day and operator by operator:
/// each delivery is delivered with its operator's rate of the day (a seeded coin), the
/// rest split between undeliverable and failed, and each delivered one has a latency.
/// Days before the report day go into a real store; the report day becomes the
/// report's figures.
struct TrafficFixture {
    /// One operator's traffic: deliveries a day, and the delivery rate and typical
    /// latency of a day (`rate(day index)`, `latencySeconds(day index)`).
    struct OperatorTraffic {
        var name: String
        var perDay: Int
        var rate: @Sendable (Int) -> Double
        var latencySeconds: @Sendable (Int) -> Double = { _ in 4 }
    }

    /// One day of one operator: its counts and latencies.
    struct OperatorDay {
        var name: String
        var statusCounts = [Int](repeating: 0, count: DeliveryStatus.allCases.count)
        var latencies: [Int64] = []

        var deliveries: Int { statusCounts.reduce(0, +) }
    }

    static let account = "acme"
    static let firstDay = LocalDay(year: 2025, month: 10, day: 6)

    var operators: [OperatorTraffic]
    var days: Int
    var seed: UInt64

    /// The `index`-th day (0 is ``firstDay``).
    static func day(_ index: Int) -> LocalDay {
        firstDay.adding(days: index)
    }

    /// Every operator's figures on day `index`, drawn from the seed.
    func traffic(on index: Int) -> [OperatorDay] {
        var random = SplitMix(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        return operators.map { traffic in
            var day = OperatorDay(name: traffic.name)
            let rate = traffic.rate(index)
            let typical = traffic.latencySeconds(index)
            for _ in 0..<traffic.perDay {
                if random.unit() < rate {
                    day.statusCounts[DeliveryStatus.delivered.ordinal] += 1
                    // Latencies spread from half to twice the typical value.
                    let factor = 0.5 + 1.5 * random.unit()
                    day.latencies.append(Int64(typical * factor * 1_000_000))
                } else {
                    day.statusCounts[(random.unit() < 0.5 ? DeliveryStatus.undeliverable : .failed).ordinal] += 1
                }
            }
            return day
        }
    }

    /// Stores days `range` complete, each as one rollup per operator and status.
    func store(days range: Range<Int>, in store: any HistoryStore) async throws {
        try await store.registerAccount(Self.account, timeZone: ReportTimeZone.kathmandu.identifier)
        for index in range {
            try await store.replaceDay(dayWrite(index))
        }
    }

    /// Day `index` as the store keeps it.
    func dayWrite(_ index: Int) -> DayWrite {
        let day = Self.day(index)
        let traffic = traffic(on: index)
        var rollups: [OperatorRollup] = []
        for operatorDay in traffic {
            for status in DeliveryStatus.allCases where operatorDay.statusCounts[status.ordinal] > 0 {
                let latencies = status == .delivered ? operatorDay.latencies : []
                var sketch = DDSketch()
                latencies.forEach { sketch.add($0) }
                rollups.append(OperatorRollup(
                    account: Self.account, day: day, operatorName: operatorDay.name, prefix: "98\(rollups.count % 10)",
                    status: status, deliveries: operatorDay.statusCounts[status.ordinal], gsm7Segments: 0, ucs2Segments: 0,
                    rawValues: [status.rawValue.uppercased()],
                    latency: LatencyRollup(count: latencies.count, sumMicroseconds: latencies.reduce(0, +),
                                           maxMicroseconds: latencies.max(), sketch: sketch.encoded)))
            }
        }
        let stored = StoredDay(account: Self.account, day: day, isComplete: true, dataAsOf: nil, snapshot: "generated",
                               deliveries: traffic.map(\.deliveries).reduce(0, +), messages: 0, qualityCounts: [:])
        return DayWrite(day: stored, operatorRollups: rollups, batchRollups: [])
    }

    /// Day `index` as a report of that day sees it: exact figures.
    func report(on index: Int) -> ReportPeriodFigures {
        let day = Self.day(index)
        let traffic = traffic(on: index)
        var all = OperatorDay(name: "")
        for operatorDay in traffic {
            for position in all.statusCounts.indices {
                all.statusCounts[position] += operatorDay.statusCounts[position]
            }
            all.latencies += operatorDay.latencies
        }
        let byOperator = traffic.map { (name: $0.name, statistics: Self.statistics($0)) }
            .sorted { $0.statistics.deliveries > $1.statistics.deliveries }
        return ReportPeriodFigures(
            days: day...day, totals: Self.statistics(all), operators: byOperator,
            operatorDays: traffic.map {
                OperatorDayCount(day: day, operatorName: $0.name, deliveries: $0.deliveries,
                                 delivered: $0.statusCounts[DeliveryStatus.delivered.ordinal])
            })
    }

    /// The trends of the report of day `index` against what `store` holds.
    func trends(on index: Int, store: any HistoryStore,
                thresholds: AlertThresholds = .standard) async throws -> ReportTrends {
        try await ReportTrendsReader(store: store).trends(of: report(on: index), account: Self.account,
                                                          thresholds: thresholds)
    }

    private static func statistics(_ day: OperatorDay) -> GroupStatistics {
        var latencies = day.latencies
        return GroupStatistics(deliveries: day.deliveries, statusCounts: day.statusCounts,
                               latency: LatencyStatistics.of(&latencies),
                               firstSentAt: Instant(microseconds: 0), lastSentAt: Instant(microseconds: 0))
    }

    /// Runs `body` with a fresh SQLite store file.
    static func withStore(_ body: (any HistoryStore) async throws -> Void) async throws {
        try await StoreFixture.withFresh(.sqlite) { fixture in
            let store = try await fixture.open()
            do {
                try await body(store)
            } catch {
                await store.close()
                throw error
            }
            await store.close()
        }
    }
}

/// A small seeded generator (SplitMix64), so that a month of traffic is the same on every run.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// A uniform number in 0..<1.
    mutating func unit() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        value ^= value >> 31
        return Double(value >> 11) / Double(1 << 53)
    }
}
