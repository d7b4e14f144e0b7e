import Testing

/// Contract §1 `--batch ID`, and §3 "Filters": checks about deliveries count the
/// report's selection; checks about the fetch count the whole snapshot.
@Suite struct BatchFilterTests {
    static let files = [
        UnitSnapshot.page(1): UnitJSON.page(count: 1, rows: [
            UnitJSON.row(sentAt: "2025-11-04T09:00:00+05:45", phone: "9841000000"),
        ]),
        UnitSnapshot.batch("B1"): UnitJSON.batchReport([
            UnitJSON.row(sentAt: "2025-11-04T10:00:00+05:45", phone: "9841000001"),
            UnitJSON.row(sentAt: "2025-11-04T10:00:01+05:45", phone: "9841000002"),
        ]),
        UnitSnapshot.batch("B2"): UnitJSON.batchReport([
            UnitJSON.row(sentAt: "2025-11-04T11:00:00+05:45", phone: #""+1 555 0100""#),
            UnitJSON.row(sentAt: "2025-11-04T11:00:00+05:45", phone: #""+1 555 0100""#),
        ]),
    ]

    @Test func oneBatchSelectsOnlyItsDeliveries() async throws {
        let tables = try await UnitReport.tables(Self.files, options: UnitReport.options(batches: ["B1"]))
        #expect(UnitReport.texts(tables.deliveries, "phone") == ["9841000001", "9841000002"])
        #expect(UnitReport.texts(tables.byBatch, "batch_id") == ["B1"])
        #expect(UnitReport.summary(tables, "batches") == .integer(1))
    }

    @Test func severalBatchesAreAllSelected() async throws {
        let tables = try await UnitReport.tables(Self.files, options: UnitReport.options(batches: ["B1", "B2"]))
        #expect(tables.deliveries.rowCount == 3)
        #expect(UnitReport.texts(tables.byBatch, "batch_id") == ["B1", "B2"])
    }

    @Test func withoutAFilterEveryDeliveryIsIn() async throws {
        let tables = try await UnitReport.tables(Self.files)
        #expect(tables.deliveries.rowCount == 4)
        #expect(UnitReport.texts(tables.byBatch, "batch_id") == ["B1", "B2", "(no batch)"])
    }

    @Test func deliveryChecksCountOnlyTheSelection() async throws {
        let all = try await UnitReport.tables(Self.files)
        let onlyB1 = try await UnitReport.tables(Self.files, options: UnitReport.options(batches: ["B1"]))
        #expect(UnitReport.qualityCount(all, "invalid_phone") == 1)
        #expect(UnitReport.qualityCount(onlyB1, "invalid_phone") == 0)
    }

    @Test func fetchChecksCountTheWholeSnapshot() async throws {
        // B2 repeats a row; the repeat is counted even when B2 is filtered out.
        let onlyB1 = try await UnitReport.tables(Self.files, options: UnitReport.options(batches: ["B1"]))
        #expect(UnitReport.qualityCount(onlyB1, "duplicate_rows") == 1)
        let outsidePeriod = try await UnitReport.tables(Self.files, options: UnitReport.options(from: "2025-12-01"))
        #expect(UnitReport.qualityCount(outsidePeriod, "duplicate_rows") == 1)
    }
}
