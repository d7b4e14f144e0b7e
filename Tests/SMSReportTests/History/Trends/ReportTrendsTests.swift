import Foundation
@testable import SMSAggregate
@testable import SMSCore
@testable import SMSHistory
@testable import SMSStore
import Testing

/// Alerts and changes read from a real SQLite store holding a generated month
/// (contract §10).
@Suite struct ReportTrendsTests {
    /// Four operators near 90% delivered, with a little day-to-day drift in the true
    /// rate on top of the coin flips; SMART is small (under `min_deliveries`).
    static func month(ncellRate: @escaping @Sendable (Int) -> Double = { _ in 0.90 },
                      smartRate: @escaping @Sendable (Int) -> Double = { _ in 0.90 },
                      utlLatency: @escaping @Sendable (Int) -> Double = { _ in 4 },
                      days: Int = 30, seed: UInt64 = 11) -> TrafficFixture {
        TrafficFixture(operators: [
            .init(name: "NTC", perDay: 1500, rate: { 0.90 + 0.008 * sin(Double($0)) }),
            .init(name: "NCELL", perDay: 1000, rate: ncellRate),
            .init(name: "UTL", perDay: 300, rate: { _ in 0.88 }, latencySeconds: utlLatency),
            .init(name: "SMART", perDay: 100, rate: smartRate),
        ], days: days, seed: seed)
    }

    @Test func oneOperatorFallingFromNinetyToEightyPercentOnOneDayFiresExactlyThatAlert() async throws {
        let month = Self.month(ncellRate: { $0 == 29 ? 0.80 : 0.90 + 0.005 * cos(Double($0)) })
        try await TrafficFixture.withStore { store in
            try await month.store(days: 0..<29, in: store)
            let trends = try await month.trends(on: 29, store: store)
            let alert = try #require(trends.findings.alerts.first)
            #expect(trends.findings.alerts.count == 1)
            #expect(alert.scope == .operatorName("NCELL"))
            #expect(alert.metric == .deliveryRate)
            #expect(try #require(alert.z) <= -3)
            #expect(alert.deliveries == 1000)
            #expect(alert.baselineDeliveries == 14 * 1000)
            guard case .rate(let change) = alert.change else { Issue.record("a rate alert's change is a rate"); return }
            #expect(change.value < -0.05 && change.value > -0.15, "about ten points down, not \(change.value)")
            #expect(alert.message.hasPrefix("NCELL delivery rate "))
            #expect(trends.findings.notes.isEmpty)
            #expect(trends.findings.baselineDays == (15..<29).map(TrafficFixture.day))
        }
    }

    @Test func normalDayToDayNoiseOverThirtyDaysFiresNoAlert() async throws {
        let month = Self.month(days: 44, seed: 5)
        try await TrafficFixture.withStore { store in
            try await month.store(days: 0..<14, in: store)
            var checkedDays = 0
            for index in 14..<44 {
                let trends = try await month.trends(on: index, store: store)
                #expect(trends.findings.alerts.isEmpty, "day \(index): \(trends.findings.alerts.map(\.message))")
                #expect(trends.findings.notes.isEmpty)
                checkedDays += 1
                try await month.store(days: index..<(index + 1), in: store)
            }
            #expect(checkedDays == 30)
        }
    }

    @Test func aSmallOperatorUnderMinDeliveriesFiresNoneEvenWhenItCollapses() async throws {
        let month = Self.month(smartRate: { $0 == 29 ? 0.40 : 0.90 })
        try await TrafficFixture.withStore { store in
            try await month.store(days: 0..<29, in: store)
            let trends = try await month.trends(on: 29, store: store)
            #expect(trends.findings.alerts.isEmpty, "\(trends.findings.alerts.map(\.message))")
            // The same collapse with a lower min_deliveries is an alert: the rule, not the data, kept it quiet.
            var lower = AlertThresholds.standard
            lower.minDeliveries = 50
            let sensitive = try await month.trends(on: 29, store: store, thresholds: lower)
            #expect(sensitive.findings.alerts.map(\.scope) == [.operatorName("SMART")])
        }
    }

    @Test func fewerThanMinBaselineDaysGiveANoteAndNoAlert() async throws {
        let month = Self.month(ncellRate: { $0 == 29 ? 0.70 : 0.90 })
        try await TrafficFixture.withStore { store in
            try await month.store(days: 24..<29, in: store)
            let trends = try await month.trends(on: 29, store: store)
            #expect(trends.findings.alerts.isEmpty)
            #expect(trends.findings.notes == [
                "No alerts checked: the store holds 5 complete days before the period, and the baseline needs at least 7 (of 14).",
            ])
        }
    }

    @Test func aP95MoreThanThreeTimesTheBaselinesIsALatencyAlert() async throws {
        let month = Self.month(utlLatency: { $0 == 29 ? 15 : 4 })
        try await TrafficFixture.withStore { store in
            try await month.store(days: 0..<29, in: store)
            let trends = try await month.trends(on: 29, store: store)
            let alert = try #require(trends.findings.alerts.first)
            #expect(trends.findings.alerts.count == 1)
            #expect(alert.scope == .operatorName("UTL"))
            #expect(alert.metric == .latencyP95)
            #expect(alert.z == nil)
            guard case .seconds(let period) = alert.periodValue, case .seconds(let baseline) = alert.baselineValue else {
                Issue.record("a latency alert's values are seconds")
                return
            }
            #expect(Double(period) > 3 * Double(baseline))
        }
    }

    @Test func changesComeFromTheStoreAndAMissingDayIsNoData() async throws {
        let month = Self.month()
        try await TrafficFixture.withStore { store in
            try await month.store(days: 0..<22, in: store)
            try await month.store(days: 23..<29, in: store)
            let trends = try await month.trends(on: 29, store: store)
            let labels = trends.comparisons.earlier.map(\.label)
            #expect(labels == ["previous day", "same day last week"])
            let previous = try #require(trends.comparisons.earlier.first?.figures)
            let dayBefore = month.report(on: 28).totals
            #expect(previous.deliveries == dayBefore.deliveries)
            #expect(previous.delivered == dayBefore.count(.delivered))
            #expect(previous.undeliverableOrFailed == dayBefore.count(.undeliverable) + dayBefore.count(.failed))
            let exactP95 = try #require(dayBefore.latency?.p95)
            let storedP95 = try #require(previous.latencyP95)
            #expect(abs(Double(storedP95 - exactP95)) <= 0.01 * Double(exactP95))
            let weekBefore = trends.comparisons.earlier[1]
            #expect(weekBefore.days == TrafficFixture.day(22)...TrafficFixture.day(22))
            #expect(weekBefore.figures == nil)
            #expect(trends.comparisons.change(.deliveryRate, since: weekBefore) == .noData)
            let current = month.report(on: 29).totals
            #expect(trends.comparisons.change(.deliveries, since: trends.comparisons.earlier[0])
                    == .count(current.deliveries - dayBefore.deliveries))
        }
    }

    @Test func sparklinesCoverFourteenDaysWithGapsWhereNothingIsStored() async throws {
        let month = Self.month()
        try await TrafficFixture.withStore { store in
            try await month.store(days: 0..<22, in: store)
            try await month.store(days: 23..<29, in: store)
            let trends = try await month.trends(on: 29, store: store)
            #expect(trends.sparklines.map(\.operatorName) == ["NTC", "NCELL", "UTL", "SMART"])
            let ncell = try #require(trends.sparklines.first { $0.operatorName == "NCELL" })
            #expect(ncell.points.map(\.day) == (16...29).map(TrafficFixture.day))
            #expect(ncell.points.filter { $0.rate == nil }.map(\.day) == [TrafficFixture.day(22)])
            let today = try #require(month.report(on: 29).operatorDays.first { $0.operatorName == "NCELL" })
            #expect(ncell.points.last?.rate == Ratio(today.delivered, over: today.deliveries))
        }
    }

    @Test func anEmptyStoreGivesNoDataEverywhereAndANote() async throws {
        let month = Self.month()
        try await TrafficFixture.withStore { store in
            try await store.registerAccount(TrafficFixture.account, timeZone: "Asia/Kathmandu")
            let trends = try await month.trends(on: 29, store: store)
            #expect(trends.comparisons.earlier.allSatisfy { $0.figures == nil })
            #expect(KPI.allCases.allSatisfy { kpi in
                trends.comparisons.earlier.allSatisfy { trends.comparisons.change(kpi, since: $0) == .noData }
            })
            #expect(trends.findings.alerts.isEmpty)
            #expect(trends.findings.notes.count == 1)
            #expect(trends.sparklines.allSatisfy { $0.points.dropLast().allSatisfy { $0.rate == nil } })
        }
    }
}
