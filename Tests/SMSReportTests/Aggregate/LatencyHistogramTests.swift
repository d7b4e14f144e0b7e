import Testing

/// Contract §3/§4: the histogram lists all 11 buckets; a negative latency is left out
/// of the statistics and the histogram and counted in data quality; `not_delivered`
/// counts every delivery without `delivered_at`, whatever its status.
@Suite struct LatencyHistogramTests {
    static let sentAt = "2025-11-04T10:00:00+05:45"

    /// One message to 14 recipients; delivered_at chosen for every bucket boundary.
    static let files: [String: String] = {
        let delivered: [(String?, String)] = [
            ("2025-11-04T10:00:00+05:45", "DELIVERED"),         // 0 s          <1s
            ("2025-11-04T10:00:00.999999+05:45", "DELIVERED"),  // 0.999999 s   <1s
            ("2025-11-04T10:00:01+05:45", "DELIVERED"),         // 1 s          1-5s
            ("2025-11-04T10:00:05+05:45", "DELIVERED"),         // 5 s          5-30s
            ("2025-11-04T10:00:59.999999+05:45", "DELIVERED"),  // 59.999999 s  30s-1m
            ("2025-11-04T10:01:00+05:45", "DELIVERED"),         // 60 s         1-5m
            ("2025-11-04T10:05:00+05:45", "DELIVERED"),         // 300 s        5-30m
            ("2025-11-04T10:30:00+05:45", "DELIVERED"),         // 1800 s       30m-1h
            ("2025-11-04T11:00:00+05:45", "DELIVERED"),         // 3600 s       1-6h
            ("2025-11-04T16:00:00+05:45", "DELIVERED"),         // 21600 s      6-24h
            ("2025-11-05T10:00:00+05:45", "DELIVERED"),         // 86400 s      >=24h
            ("2025-11-04T09:59:58+05:45", "DELIVERED"),         // −2 s         left out
            (nil, "FAILED"),                                    // not_delivered
            (nil, "DELIVERED"),                                 // not_delivered, whatever its status
        ]
        let rows = delivered.enumerated().map { index, row in
            UnitJSON.row(sentAt: sentAt, deliveredAt: row.0, status: row.1,
                         phone: "98410000\(index < 10 ? "0" : "")\(index)")
        }
        return [UnitSnapshot.page(1): UnitJSON.page(count: rows.count, rows: rows)]
    }()

    @Test func everyBucketIsListedInOrderWithItsCount() async throws {
        let tables = try await UnitReport.tables(Self.files)
        let histogram = tables.latencyHistogram
        #expect(histogram.columns.map(\.name) == ["bucket", "deliveries"])
        #expect(UnitReport.texts(histogram, "bucket")
            == ["<1s", "1-5s", "5-30s", "30s-1m", "1-5m", "5-30m", "30m-1h", "1-6h", "6-24h", ">=24h", "not_delivered"])
        #expect(UnitReport.integers(histogram, "deliveries") == [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2])
    }

    @Test func bucketsAddUpToDeliveriesMinusNegativeLatencies() async throws {
        let tables = try await UnitReport.tables(Self.files)
        let total = UnitReport.integers(tables.latencyHistogram, "deliveries").compactMap { $0 }.reduce(0, +)
        #expect(UnitReport.summary(tables, "deliveries") == .integer(14))
        #expect(UnitReport.qualityCount(tables, "negative_latency") == 1)
        #expect(total == 14 - 1)
    }

    @Test func negativeLatencyIsLeftOutOfTheStatistics() async throws {
        // The 11 latencies sorted: 0, 0.999999, 1, 5, 59.999999, 60, 300, 1800, 3600, 21600, 86400 s.
        // p50 rank ceil(5.5) = 6 → 60 s (with −2 s counted it would be 59.999999 s).
        let tables = try await UnitReport.tables(Self.files)
        #expect(UnitReport.summary(tables, "latency_count") == .integer(11))
        #expect(UnitReport.summary(tables, "latency_p50_s") == UnitReport.seconds(60))
        #expect(UnitReport.summary(tables, "latency_p90_s") == UnitReport.seconds(21_600))
        #expect(UnitReport.summary(tables, "latency_p95_s") == UnitReport.seconds(86_400))
        #expect(UnitReport.summary(tables, "latency_max_s") == UnitReport.seconds(86_400))
        // Sum 113,826,999,998 µs over 11 = 10,347,909,090.7 µs.
        #expect(UnitReport.summary(tables, "latency_mean_s") == .seconds(10_347_909_091))
    }

    @Test func negativeLatencyDeliveryIsStillCounted() async throws {
        let tables = try await UnitReport.tables(Self.files)
        // 13 rows say DELIVERED, the negative one included; one says FAILED.
        #expect(UnitReport.summary(tables, "delivered") == .integer(13))
        #expect(UnitReport.summary(tables, "failed") == .integer(1))
        #expect(UnitReport.isRate(UnitReport.summary(tables, "delivery_rate"), 13, 14))
        #expect(tables.deliveries.rowCount == 14)
    }

    @Test func latencyIsTakenWhateverTheStatus() async throws {
        // A FAILED row that still has a delivered_at has a latency; a DELIVERED row without one has none.
        let tables = try await UnitReport.tables([
            UnitSnapshot.page(1): UnitJSON.page(count: 2, rows: [
                UnitJSON.row(sentAt: Self.sentAt, deliveredAt: "2025-11-04T10:00:10+05:45", status: "FAILED",
                             phone: "9841000001"),
                UnitJSON.row(sentAt: Self.sentAt, status: "DELIVERED", phone: "9841000002"),
            ]),
        ])
        #expect(UnitReport.integers(tables.latencyHistogram, "deliveries") == [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1])
        #expect(UnitReport.summary(tables, "latency_count") == .integer(1))
        #expect(UnitReport.summary(tables, "latency_max_s") == UnitReport.seconds(10))
    }
}
