@testable import SMSAggregate
import Testing

/// Contract §4 "Latency buckets": each bucket includes its lower bound.
@Suite struct LatencyBucketTests {
    @Test func labelsAreTheContractsElevenBucketsInOrder() {
        #expect(LatencyBucket.allCases.map(\.label)
            == ["<1s", "1-5s", "5-30s", "30s-1m", "1-5m", "5-30m", "30m-1h", "1-6h", "6-24h", ">=24h", "not_delivered"])
    }

    @Test(arguments: [
        (0, "<1s"),
        (999_999, "<1s"),
        (1_000_000, "1-5s"),
        (4_999_999, "1-5s"),
        (5_000_000, "5-30s"),
        (29_999_999, "5-30s"),
        (30_000_000, "30s-1m"),
        (59_999_999, "30s-1m"),
        (60_000_000, "1-5m"),
        (300_000_000, "5-30m"),
        (1_800_000_000, "30m-1h"),
        (3_599_999_999, "30m-1h"),
        (3_600_000_000, "1-6h"),
        (21_600_000_000, "6-24h"),
        (86_399_999_999, "6-24h"),
        (86_400_000_000, ">=24h"),
        (30 * 86_400_000_000, ">=24h"),
    ] as [(Int64, String)])
    func latencyFallsInItsBucket(microseconds: Int64, label: String) {
        #expect(LatencyBucket.bucket(forLatency: microseconds).label == label)
    }
}
