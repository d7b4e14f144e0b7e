@testable import SMSAggregate
@testable import SMSConfig
import Testing

/// The config's `alerts` block (contract §8, §10).
@Suite struct AlertConfigTests {
    @Test func theDefaultsAreTheContractsWhenTheBlockIsAbsent() throws {
        let config = try ConfigFixture().load(ConfigFixture.minimal, requirements: .apiTokens)
        #expect(config.alertThresholds == AlertThresholds(baselineDays: 14, minBaselineDays: 7, minDeliveries: 200,
                                                          minDropPoints: 5, z: 3, latencyFactor: 3))
    }

    @Test func everyThresholdIsRead() throws {
        let text = """
            alerts:
              baseline_days: 28
              min_baseline_days: 10
              min_deliveries: 500
              min_drop_points: 2.5
              z: 4
              latency_factor: 2
            """
        let config = try ConfigFixture().load(text + "\n" + ConfigFixture.minimal, requirements: .apiTokens)
        #expect(config.alertThresholds == AlertThresholds(baselineDays: 28, minBaselineDays: 10, minDeliveries: 500,
                                                          minDropPoints: 2.5, z: 4, latencyFactor: 2))
        #expect(config.alertThresholds.worstBatchMinimumDeliveries == 50)
    }

    @Test func aShortBaselineShrinksTheDefaultMinimum() throws {
        let config = try ConfigFixture().load("alerts:\n  baseline_days: 3\n" + ConfigFixture.minimal, requirements: .apiTokens)
        #expect(config.alertThresholds.minBaselineDays == 3)
    }

    @Test func badValuesNameTheKeyAndLine() throws {
        let fixture = try ConfigFixture()
        let cases: [(text: String, key: String, line: Int)] = [
            ("alerts:\n  z: high\n", "alerts.z", 2),
            ("alerts:\n  baseline_days: 0\n", "alerts.baseline_days", 2),
            ("alerts:\n  min_drop_points: 101\n", "alerts.min_drop_points", 2),
            ("alerts:\n  latency_factor: 0.5\n", "alerts.latency_factor", 2),
            ("alerts:\n  baseline_days: 5\n  min_baseline_days: 6\n", "alerts.min_baseline_days", 3),
            ("alerts:\n  threshold: 3\n", "alerts.threshold", 2),
        ]
        for (text, key, line) in cases {
            let error = try #require(try fixture.error(text + ConfigFixture.minimal, requirements: .apiTokens), "\(text)")
            #expect(error.exitStatus == .usageError)
            #expect(error.description.hasPrefix("\(fixture.folder.path)/config.yaml:\(line): \(key): "), "\(error.description)")
        }
    }
}
