@testable import SnapshotFormat
import Testing

/// Contract §2: a file-safe name keeps `A-Z a-z 0-9 . _ -` and percent-encodes every
/// other byte of the UTF-8 id.
@Suite struct FileSafeNameTests {
    @Test(arguments: [
        ("881127472383-4566", "881127472383-4566"),
        ("campaign/2025-11 A", "campaign%2F2025-11%20A"),
        ("a_b.c-D9", "a_b.c-D9"),
        ("100%", "100%25"),
        ("न", "%E0%A4%A8"),
        ("../etc", "%2E%2E%2Fetc"),
        ("etc/..", "etc%2F.."),
    ])
    func encodesAndDecodes(id: String, name: String) {
        #expect(FileSafeName.encode(id) == name)
        #expect(FileSafeName.decode(name) == id)
    }

    @Test func batchReportPathIsInTheBatchFolder() {
        #expect(SnapshotLayout.batchReportPath(for: "campaign/2025-11 A") == "sms-report-batch/campaign%2F2025-11%20A.json")
    }

    @Test func pagePathsAreNumberedWithSixDigits() {
        #expect(SnapshotLayout.pagePath(number: 1) == "sms-report/page-000001.json")
        #expect(SnapshotLayout.pagePath(number: 123_456) == "sms-report/page-123456.json")
    }
}
