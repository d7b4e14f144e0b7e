import Testing
import SnapshotFormat

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

    /// The page size is checked on its first `page_size`, also when the key is written
    /// with an escape; a manifest that is not JSON is reported with its place.
    @Test func thePageSizeCheckReadsTheFirstPageSizeKeyAsJSONSpellsIt() async throws {
        var files = Self.page
        files[UnitSnapshot.manifest] = #"{"complete": true, "batches": {}, "page\u005fsize": -1, "page_size": 50}"#
        let escaped = try #require(try await UnitSnapshot.readError(files))
        #expect(escaped == .invalidField(file: "manifest.json", path: "page_size",
                                         reason: "out of range: -1 (rows on a page, 0 to 1000000)"))
        files[UnitSnapshot.manifest] = #"{"complete": true, "batches": {}, "page_size": "fifty", "page_size": -1}"#
        let notANumber = try #require(try await UnitSnapshot.readError(files))
        #expect(notANumber == .invalidField(file: "manifest.json", path: "page_size", reason: "wrong type of value"))
        files[UnitSnapshot.manifest] = "{\"complete\": true,\n \"batches\": {}, \"requests\": [{\"path\": \"/a\"} {}]}"
        let syntax = try #require(try await UnitSnapshot.readError(files))
        #expect(syntax == .invalidJSON(file: "manifest.json", line: 2, column: 45, reason: "expected ',' or ']' in an array"))
    }

    /// The nesting limit (256 levels) counts from the manifest's top, in a key no version
    /// reads as in any other.
    @Test func aManifestNestedTooDeeplyIsInvalidJSON() async throws {
        var files = Self.page
        let nested = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        files[UnitSnapshot.manifest] = #"{"complete": true, "batches": {}, "x": "# + nested + "}"
        let error = try #require(try await UnitSnapshot.readError(files))
        guard case .invalidJSON(file: "manifest.json", line: 1, column: _, reason: "nesting is too deep") = error else {
            Issue.record("\(error)")
            return
        }
        files[UnitSnapshot.manifest] = #"{"complete": true, "batches": {}, "x": "# + nested.dropFirst().dropLast() + "}"
        #expect(try await UnitSnapshot.load(files).normalized.deliveries.count == 1)
    }

    /// `batch-ids.json` starts parsing before the manifest is decoded (issue 16); the
    /// manifest still comes first, so its error is the one reported.
    @Test func aBadManifestIsReportedBeforeABadBatchIDsFileReadBesideIt() async throws {
        var files = Self.page
        files[UnitSnapshot.manifest] = #"{"batches": {}}"#
        files[UnitSnapshot.batchIDs] = #"[{"sent_at": "yesterday", "batch_id": "a"}]"#
        let error = try #require(try await UnitSnapshot.readError(files))
        #expect(error == .missingField(file: "manifest.json", path: "complete"))
        files[UnitSnapshot.manifest] = #"{"complete": true, "batches": {}}"#
        let batchIDsError = try #require(try await UnitSnapshot.readError(files))
        #expect(batchIDsError == .invalidField(file: "batch-ids.json", path: "[0].sent_at",
                                               reason: "not an ISO 8601 timestamp: yesterday"))
    }

    @Test func manifestWithoutCompleteIsAnError() async throws {
        var files = Self.page
        files[UnitSnapshot.manifest] = #"{"batches": {}}"#
        let error = try #require(try await UnitSnapshot.readError(files))
        #expect(error == .missingField(file: "manifest.json", path: "complete"))
        #expect(error.exitStatus == .usageError)
    }
}

/// Issue 11, item 11: a body that the fetch stored for a request it counted as failed
/// (earlier versions stored the undocumented 404 of batch-ids) never stops `report`.
@Suite struct FailedRequestFileTests {
    private static let manifest = #"""
        {"complete": false, "batches": {}, "reasons": ["batch ids: the body is not the documented JSON"],
         "requests": [{"path": "/api/batch-ids", "status": 404, "attempts": 1, "file": "batch-ids.json"},
                      {"path": "/api/sms-report/?page=1", "status": 200, "attempts": 1, "file": "sms-report/page-000001.json"}]}
        """#

    @Test func anIncompleteSnapshotIsReadAroundTheFailedRequestsFile() async throws {
        var files = ManifestReadingTests.page
        files[UnitSnapshot.batchIDs] = #"{"detail": "Not found."}"#
        files[UnitSnapshot.manifest] = Self.manifest
        let snapshot = try await UnitSnapshot.load(files)
        #expect(!snapshot.isComplete)
        #expect(snapshot.normalized.deliveries.count == 1)
    }

    @Test func aCompleteSnapshotStillRefusesABadFile() async throws {
        var files = ManifestReadingTests.page
        files[UnitSnapshot.batchIDs] = #"{"detail": "Not found."}"#
        files[UnitSnapshot.manifest] = Self.manifest.replacingOccurrences(of: #""complete": false"#, with: #""complete": true"#)
        let error = try #require(try await UnitSnapshot.readError(files))
        #expect(error.exitStatus == .usageError)
    }

    @Test func aLongBatchIDComesFromTheManifestAndAShortOneFromItsName() async throws {
        let longID = String(repeating: "क", count: 120)
        let longName = FileSafeName.batchReportFileName(for: longID)
        let row = UnitJSON.row(sentAt: "2025-11-04T17:00:45.153834+05:45", phone: "9841234567")
        let other = UnitJSON.row(sentAt: "2025-11-04T17:00:46Z", phone: "9841234568")
        let files = [
            "sms-report-batch/\(longName)": UnitJSON.batchReport([row]),
            "sms-report-batch/\(FileSafeName.batchReportFileName(for: ".."))": UnitJSON.batchReport([other]),
            UnitSnapshot.manifest: #"{"complete": true, "batches": {"\#(longName)": "\#(longID)"}}"#,
        ]
        let snapshot = try await UnitSnapshot.load(files)
        let ids = Set(snapshot.normalized.deliveries.map(\.batchID))
        #expect(ids == [longID, ".."])
    }
}
