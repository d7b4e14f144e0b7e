import Foundation
@testable import SMSIngest
import Testing

/// Issue 11.4: every number read from a snapshot is range-checked before arithmetic;
/// a value out of range is a one-line error naming the file and field (exit 2).
@Suite struct SnapshotRangeTests {
    static let page = UnitSnapshot.page(1)
    static let goodRow = UnitJSON.row(sentAt: "2025-11-04T17:00:45.153834+05:45", phone: "9841234567")

    private static func pageBody(count: String) -> String {
        #"{"count": \#(count), "next": null, "previous": null, "results": [\#(goodRow)]}"#
    }

    /// A `count` out of range comes from the API, so it makes the report incomplete,
    /// with the reason, rather than refused (contract §1; robustness issue item 11).
    @Test(arguments: ["-1", "-9223372036854775808", "9223372036854775808", "1e400", "1.5"])
    func aPageCountOutOfRangeMakesTheSnapshotIncomplete(count: String) async throws {
        // Before, -9223372036854775808 trapped in the count_mismatch check.
        let snapshot = try await UnitSnapshot.load([Self.page: Self.pageBody(count: count)])
        #expect(!snapshot.isComplete)
        #expect(snapshot.incompleteReasons == ["\(Self.page): count \(count) is not a whole number from 0 to 9223372036854775807"])
        #expect(snapshot.normalized.fetchChecks.countMismatch == 0)
        #expect(snapshot.normalized.deliveries.count == 1)
    }

    @Test func theLargestPageCountIsReadAndCountedAsAMismatch() async throws {
        let snapshot = try await UnitSnapshot.load([Self.page: Self.pageBody(count: "9223372036854775807")])
        #expect(snapshot.normalized.fetchChecks.countMismatch == Int.max - 1)
    }

    @Test func aTimestampOutOfRangeIsAnError() async throws {
        let row = UnitJSON.row(sentAt: "0000-01-01T00:00:00+05:45", phone: "9841234567")
        let error = try #require(try await UnitSnapshot.readError([Self.page: UnitJSON.page(count: 1, rows: [row])]))
        #expect(error == .invalidField(file: Self.page, path: "results[0].sent_at",
                                       reason: "timestamp out of range (years 0001 to 9999 in UTC): 0000-01-01T00:00:00+05:45"))
        #expect(error.description.split(separator: "\n").count == 1)
    }

    @Test(arguments: ["-1", "1000001", "9223372036854775808", "1e30", "1.5"])
    func aManifestPageSizeOutOfRangeIsAnError(pageSize: String) async throws {
        let manifest = #"{"complete": true, "batches": {}, "page_size": \#(pageSize)}"#
        let error = try #require(try await UnitSnapshot.readError([
            UnitSnapshot.manifest: manifest, Self.page: UnitJSON.page(count: 1, rows: [Self.goodRow]),
        ]))
        #expect(error == .invalidField(file: "manifest.json", path: "page_size",
                                       reason: "out of range: \(pageSize) (rows on a page, 0 to 1000000)"))
    }

    @Test func theMemoryHintNeverOverflowsNorGoesNegative() {
        #expect(SnapshotReader.expectedDeliveries(pages: 20_000, pageSize: 50) == 1_000_000)
        #expect(SnapshotReader.expectedDeliveries(pages: Int.max, pageSize: 1_000_000) == 1 << 25)
        #expect(SnapshotReader.expectedDeliveries(pages: 3, pageSize: nil) == 150)
        #expect(SnapshotReader.expectedDeliveries(pages: 3, pageSize: 0) == 0)
    }

    /// Once the first pages are merged, memory is reserved from their recipients per
    /// page (rows may have several recipients), with a tenth to spare.
    @Test func theSecondMemoryHintCountsRecipientsNotRows() {
        #expect(SnapshotReader.expectedDeliveries(pages: 200_000, recipientsOfFirstPages: 128 * 60, firstPages: 128) == 13_200_000)
        #expect(SnapshotReader.expectedDeliveries(pages: 10, recipientsOfFirstPages: 10, firstPages: 10) == 11)
        #expect(SnapshotReader.expectedDeliveries(pages: Int.max, recipientsOfFirstPages: Int.max, firstPages: 1) == 1 << 25)
        #expect(SnapshotReader.expectedDeliveries(pages: 0, recipientsOfFirstPages: 0, firstPages: 0) == 0)
    }

    /// Pages past the first ones, merged after the merger's memory is reserved again,
    /// keep every delivery, and repeats across them still merge.
    @Test func deliveriesMergedBeforeAndAfterTheSecondHintAreAllKept() async throws {
        var files: [String: String] = [:]
        let pages = SnapshotReader.pagesForEstimate + 5
        for page in 1...pages {
            let sentAt = "2025-11-04T17:00:\(String(format: "%02d", page % 60)).\(String(format: "%06d", page))+05:45"
            files[UnitSnapshot.page(page)] = UnitJSON.page(count: pages, rows: [
                UnitJSON.row(sentAt: sentAt, recipients: (0..<3).map { UnitJSON.recipient("98412\(String(format: "%05d", page * 3 + $0))") }),
            ])
        }
        // The last page repeats the first page's row: the same three deliveries.
        files[UnitSnapshot.page(pages + 1)] = files[UnitSnapshot.page(1)]
        let snapshot = try await UnitSnapshot.load(files)
        #expect(snapshot.normalized.deliveries.count == pages * 3)
        #expect(Set(snapshot.normalized.deliveries.map(\.phone)).count == pages * 3)
        #expect(snapshot.normalized.fetchChecks.duplicateRows == 1)
    }
}
