import Foundation
@testable import SMSConfig
@testable import SMSCore
import Testing

/// Contract §8 "Output layout" and `keep_snapshots`.
@Suite struct OutputLayoutTests {
    @Test func twoFetchesInOneSecondGetTwoFolders() throws {
        let root = try TemporaryFolder()
        let layout = OutputLayout(outputFolder: root.path)
        let fetched = Instant(unixSeconds: 1_762_304_402)
        let first = layout.newSnapshotFolder(account: "acme", fetchedAt: fetched)
        #expect(first.hasSuffix("/acme/snapshots/20251105T010002Z"))
        try FileManager.default.createDirectory(atPath: first, withIntermediateDirectories: true)
        let second = layout.newSnapshotFolder(account: "acme", fetchedAt: fetched)
        #expect(second.hasSuffix("/acme/snapshots/20251105T010003Z"))
    }

    @Test func foldersFollowTheContractLayout() throws {
        let layout = OutputLayout(outputFolder: "/srv/reports")
        let day = try #require(LocalDay(iso: "2025-11-04"))
        let month = try #require(LocalMonth(iso: "2025-11"))
        #expect(layout.periodFolder(account: "acme", period: RunPeriod(day: day)) == "/srv/reports/acme/2025-11-04")
        #expect(layout.periodFolder(account: "acme", period: RunPeriod(month: month)) == "/srv/reports/acme/2025-11")
        let range = try #require(RunPeriod(first: month.firstDay, last: day))
        #expect(layout.periodFolder(account: "acme", period: range) == "/srv/reports/acme/2025-11-01_2025-11-04")
        #expect(layout.snapshotsFolder(account: "acme") == "/srv/reports/acme/snapshots")
        let fetched = try RunPeriodTests.instant("2025-11-05T06:45:02+05:45")
        #expect(layout.snapshotFolder(account: "acme", fetchedAt: fetched) == "/srv/reports/acme/snapshots/20251105T010002Z")
    }

    @Test(arguments: ["2025-11-05T01:15:02.999Z", "1999-12-31T23:59:59Z", "2024-02-29T00:00:00Z", "2038-01-19T03:14:08Z"])
    func snapshotNamesAreTheUTCFetchTime(timestamp: String) throws {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let date = try #require(formatter.date(from: timestamp) ?? ISO8601DateFormatter().date(from: timestamp))
        let instant = Instant(microseconds: Int64((date.timeIntervalSince1970 * 1_000_000).rounded()))
        let expected = DateFormatter()
        expected.locale = Locale(identifier: "en_US_POSIX")
        expected.timeZone = TimeZone(identifier: "UTC")
        expected.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let name = SnapshotFolderName.name(for: instant)
        #expect(name == expected.string(from: date))
        #expect(SnapshotFolderName.instant(of: name) == Instant(unixSeconds: Int64(date.timeIntervalSince1970.rounded(.down))))
    }

    @Test func namesSortInTimeOrder() throws {
        let instants = try ["2025-11-05T01:15:02Z", "2025-11-05T01:15:03Z", "2025-11-06T00:00:00Z", "2026-01-01T00:00:00Z"]
            .map(RunPeriodTests.instant)
        let names = instants.map(SnapshotFolderName.name(for:))
        #expect(names == names.sorted())
    }

    @Test func otherNamesAreNotSnapshots() {
        for name in [".20251105T011502Z.partial-42", "20251105T011502", "20251305T011502Z", "20251105T241502Z", "latest", "2025-11-05"] {
            #expect(SnapshotFolderName.instant(of: name) == nil, "\(name)")
        }
    }

    @Test func pruningKeepsTheNewestAndNeverTouchesOtherFolders() {
        let names = ["20251103T011500Z", "notes", "20251101T011500Z", "20251104T011500Z", "20251102T011500Z", ".20251105T011500Z.partial-7"]
        #expect(SnapshotRetention.namesToRemove(from: names, keep: 2) == ["20251101T011500Z", "20251102T011500Z"])
        #expect(SnapshotRetention.namesToRemove(from: names, keep: 4).isEmpty)
        #expect(SnapshotRetention.namesToRemove(from: names, keep: 10).isEmpty)
        #expect(SnapshotRetention.namesToRemove(from: [], keep: 1).isEmpty)
    }

    @Test func theCurrentSnapshotIsKeptEvenWhenItSortsAmongTheOld() {
        let names = ["20251101T011500Z", "20251102T011500Z", "20251103T011500Z", "20251104T011500Z"]
        let removed = SnapshotRetention.namesToRemove(from: names, keep: 2, current: "20251101T011500Z")
        #expect(removed == ["20251102T011500Z", "20251103T011500Z"])
        #expect(SnapshotRetention.namesToRemove(from: names, keep: 1, current: "20251104T011500Z")
                == ["20251101T011500Z", "20251102T011500Z", "20251103T011500Z"])
    }

    @Test func listingFindsSnapshotFoldersOldestFirst() throws {
        let folder = try TemporaryFolder()
        for name in ["20251103T011500Z", "20251101T011500Z", ".20251104T011500Z.partial-9", "keep-me"] {
            try folder.write("{}", to: "\(name)/manifest.json")
        }
        try folder.write("not a folder", to: "20251102T011500Z")
        #expect(SnapshotRetention.snapshotNames(in: folder.path) == ["20251101T011500Z", "20251103T011500Z"])
        #expect(SnapshotRetention.snapshotNames(in: folder.path + "/missing").isEmpty)
    }
}
