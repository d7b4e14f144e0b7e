import Testing
@testable import SMSReport

/// Contract §8: after a good run, snapshots past `keep_snapshots` are removed.
@Suite struct SnapshotPruningTests {
    @Test func theOldestGoFirstAndTheNewestStay() {
        let names = ["20251103T011500Z", "20251105T011500Z", "20251104T011500Z", "20251101T011500Z"]
        #expect(SnapshotPruning.foldersToRemove(names, keep: 2) == ["20251101T011500Z", "20251103T011500Z"])
    }

    @Test func fewerSnapshotsThanTheLimitRemoveNothing() {
        #expect(SnapshotPruning.foldersToRemove(["20251105T011500Z"], keep: 14).isEmpty)
    }

    @Test func aFetchStillStagingIsNeverRemoved() {
        let names = [".20251106T011500Z.partial", "20251104T011500Z", "20251105T011500Z"]
        #expect(SnapshotPruning.foldersToRemove(names, keep: 1) == ["20251104T011500Z"])
    }

    @Test func theSnapshotJustMadeAlwaysStays() {
        #expect(SnapshotPruning.foldersToRemove(["20251104T011500Z", "20251105T011500Z"], keep: 0) == ["20251104T011500Z"])
    }
}
