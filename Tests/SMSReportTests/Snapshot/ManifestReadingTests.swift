import Testing

/// Contract §2: `report` needs only `batches` and `complete` from the manifest, and
/// tools may add keys.
@Suite struct ManifestReadingTests {
    static let page = [
        UnitSnapshot.page(1): UnitJSON.page(count: 1, rows: [
            UnitJSON.row(sentAt: "2025-11-04T17:00:45.153834+05:45", phone: "9841234567"),
        ]),
    ]

    @Test func manifestWithOnlyBatchesAndCompleteIsEnough() async throws {
        var files = Self.page
        files[UnitSnapshot.manifest] = #"{"complete": true, "batches": {}}"#
        let snapshot = try await UnitSnapshot.load(files)
        #expect(snapshot.isComplete)
        #expect(snapshot.normalized.deliveries.count == 1)
    }

    @Test func keysAddedByOtherToolsAreIgnored() async throws {
        var files = Self.page
        files[UnitSnapshot.manifest] = #"""
            {"complete": false, "batches": {}, "reasons": ["batch B failed"],
             "x_other_tool": {"nested": [1, 2, {"deep": null}]}, "x_flag": true}
            """#
        let snapshot = try await UnitSnapshot.load(files)
        #expect(!snapshot.isComplete)
        #expect(snapshot.manifest?.reasons == ["batch B failed"])
    }

    @Test func manifestWithoutCompleteIsAnError() async throws {
        var files = Self.page
        files[UnitSnapshot.manifest] = #"{"batches": {}}"#
        let error = try #require(try await UnitSnapshot.readError(files))
        #expect(error == .missingField(file: "manifest.json", path: "complete"))
        #expect(error.exitCode == 2)
    }
}
