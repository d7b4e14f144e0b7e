@testable import SMSAggregate
@testable import SMSCore
import Testing

/// The alert rules of contract §10, on figures given by hand.
@Suite struct AlertCheckTests {
    static let fourteenDays = (1...14).map { LocalDay(year: 2025, month: 11, day: $0) }

    @Test func theZStatisticIsTheOneSidedTwoProportionTestWithThePooledRate() throws {
        // p1 = 0.8 (n 1000), p2 = 0.9 (n 14000); pooled 13400/15000.
        let z = try #require(AlertCheck.zStatistic(
            period: AlertFigures(deliveries: 1000, delivered: 800, latencyCount: 0, latencyP95: nil),
            baseline: AlertFigures(deliveries: 14000, delivered: 12600, latencyCount: 0, latencyP95: nil)))
        let pooled = 13400.0 / 15000.0
        let expected = (0.8 - 0.9) / (pooled * (1 - pooled) * (1.0 / 1000 + 1.0 / 14000)).squareRoot()
        #expect(abs(z - expected) < 1e-9)
        #expect(abs(z - -9.897) < 0.01)
    }

    @Test func aDropSmallerThanMinDropPointsIsNoAlertHoweverSignificant() {
        // 4 points down on a million deliveries: z is huge, the drop too small.
        let findings = AlertCheck.findings(
            period: [.account: AlertFigures(deliveries: 1_000_000, delivered: 860_000, latencyCount: 0, latencyP95: nil)],
            baseline: [.account: AlertFigures(deliveries: 14_000_000, delivered: 12_600_000, latencyCount: 0, latencyP95: nil)],
            baselineDays: Self.fourteenDays, thresholds: .standard)
        #expect(findings.alerts.isEmpty)
    }

    @Test func aLargeDropThatIsNotSignificantIsNoAlert() {
        // 10 points down, but only 200 deliveries against a 100-delivery baseline: z ≈ −2.2.
        let findings = AlertCheck.findings(
            period: [.account: AlertFigures(deliveries: 200, delivered: 160, latencyCount: 0, latencyP95: nil)],
            baseline: [.account: AlertFigures(deliveries: 100, delivered: 90, latencyCount: 0, latencyP95: nil)],
            baselineDays: Self.fourteenDays, thresholds: .standard)
        #expect(findings.alerts.isEmpty)
    }

    @Test func alertsAreOrderedAccountFirstThenOperatorsByName() {
        let drop = AlertFigures(deliveries: 1000, delivered: 700, latencyCount: 0, latencyP95: nil)
        let usual = AlertFigures(deliveries: 14000, delivered: 12600, latencyCount: 0, latencyP95: nil)
        let findings = AlertCheck.findings(
            period: [.operatorName("UTL"): drop, .account: drop, .operatorName("NCELL"): drop],
            baseline: [.operatorName("UTL"): usual, .account: usual, .operatorName("NCELL"): usual],
            baselineDays: Self.fourteenDays, thresholds: .standard)
        #expect(findings.alerts.map(\.scope) == [.account, .operatorName("NCELL"), .operatorName("UTL")])
        #expect(findings.alerts.first?.message == "Account delivery rate 70.0% against 90.0% over the 14-day baseline (-20.0 points, z = -19.3)")
    }

    @Test func theAlertsTableWritesValuesInTheContractsFormats() {
        let alert = Alert(scope: .operatorName("NCELL"), metric: .deliveryRate, periodValue: .rate(Ratio(8, over: 10)),
                          baselineValue: .rate(Ratio(9, over: 10)), change: .rate(Ratio(-1, over: 10)), deliveries: 1000,
                          baselineDeliveries: 14000, z: -9.8971, message: "m")
        let table = AlertTable.table([alert])
        #expect(table.columns.map(\.name) == ["scope", "operator", "metric", "period_value", "baseline_value", "change",
                                              "deliveries", "baseline_deliveries", "z", "message"])
        let expected: [[Cell]] = [[.text("operator"), .text("NCELL"), .text("delivery_rate"), .rate(Ratio(8, over: 10)),
                                .rate(Ratio(9, over: 10)), .rate(Ratio(-1, over: 10)), .integer(1000), .integer(14000),
                                .number("-9.897"), .text("m")]]
        #expect(Array(table.rows) == expected)
    }

    @Test func changesSayWhetherTheyAreGoodNewsForEachKPI() {
        let before = KPIFigures(deliveries: 100, delivered: 90, latencyP50: 2_000_000, latencyP95: 5_000_000,
                                undeliverableOrFailed: 10)
        let after = KPIFigures(deliveries: 120, delivered: 96, latencyP50: 2_000_000, latencyP95: 6_000_000,
                               undeliverableOrFailed: 24)
        #expect(KPIChange(.deliveries, from: before, to: after) == .count(20))
        #expect(KPIChange(.deliveries, from: before, to: after).verdict(for: .deliveries) == .neutral)
        let rate = KPIChange(.deliveryRate, from: before, to: after)
        #expect(DecimalText.format(try! #require(rate.rateValue)) == "-0.100000")
        #expect(rate.verdict(for: .deliveryRate) == .worse)
        #expect(KPIChange(.latencyP95, from: before, to: after) == .seconds(1_000_000))
        #expect(KPIChange(.latencyP95, from: before, to: after).verdict(for: .latencyP95) == .worse)
        #expect(KPIChange(.latencyP50, from: before, to: after).verdict(for: .latencyP50) == .unchanged)
        #expect(KPIChange(.undeliverableOrFailed, from: after, to: before).verdict(for: .undeliverableOrFailed) == .better)
        #expect(KPIChange(.deliveryRate, from: nil, to: after) == .noData)
        let noLatency = KPIFigures(deliveries: 5, delivered: 0, latencyP50: nil, latencyP95: nil, undeliverableOrFailed: 5)
        #expect(KPIChange(.latencyP95, from: noLatency, to: after) == .noData)
    }
}

extension KPIChange {
    /// The rate of a rate change, for the tests.
    var rateValue: Ratio? {
        if case .rate(let ratio) = self { return ratio }
        return nil
    }
}
