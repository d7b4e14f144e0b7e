import Foundation
import SMSCore
@testable import SMSIngest
import Testing

/// Snapshot files read into one reused buffer: each read gives exactly that file's
/// bytes, whatever the sizes before it.
@Suite struct FileReadBufferTests {
    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("file-read-buffer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private func bytes(_ result: Result<UnsafeRawBufferPointer, FileReadBuffer.Failure>) throws -> [UInt8] {
        Array(try result.get())
    }

    @Test func filesLargerAndSmallerThanTheBufferReadWhole() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let large = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let small = Array("{\"count\":0}".utf8)
        try Data(large).write(to: folder.appendingPathComponent("large.json"))
        try Data(small).write(to: folder.appendingPathComponent("small.json"))
        try Data().write(to: folder.appendingPathComponent("empty.json"))
        let buffer = FileReadBuffer(capacity: 16)
        #expect(try bytes(buffer.read(folder.appendingPathComponent("small.json").path)) == small)
        #expect(try bytes(buffer.read(folder.appendingPathComponent("large.json").path)) == large)
        #expect(try bytes(buffer.read(folder.appendingPathComponent("small.json").path)) == small)
        #expect(try bytes(buffer.read(folder.appendingPathComponent("empty.json").path)).isEmpty)
    }

    /// Files from the threshold up are mapped, not read: each read still gives exactly
    /// that file's bytes, and a mapped file's bytes give way to the next file's.
    @Test func filesFromTheMappingThresholdUpReadWholeToo() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let threshold = 4096
        let files: [(name: String, bytes: [UInt8])] = [
            ("below.json", (0..<(threshold - 1)).map { UInt8(truncatingIfNeeded: $0 &* 7) }),
            ("at.json", (0..<threshold).map { UInt8(truncatingIfNeeded: $0 &* 13) }),
            ("large.json", (0..<300_001).map { UInt8(truncatingIfNeeded: $0 &* 31) }),
            ("small.json", Array("{\"count\":0}".utf8)),
            ("empty.json", []),
        ]
        for file in files {
            try Data(file.bytes).write(to: folder.appendingPathComponent(file.name))
        }
        let buffer = FileReadBuffer(capacity: 16, mappingThreshold: threshold)
        for file in files + files.reversed() {
            #expect(try bytes(buffer.read(folder.appendingPathComponent(file.name).path)) == file.bytes, "\(file.name)")
        }
    }

    @Test func aMissingFileIsReportedWithItsSnapshotPath() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = SnapshotFiles(folder: folder.path, pages: [], batchReports: [], batchIDs: nil, metrics: nil)
        #expect(throws: ReportError.unreadableFile(file: "sms-report/page-000001.json", reason: "no such file or no permission")) {
            _ = try files.read("sms-report/page-000001.json", into: FileReadBuffer())
        }
    }
}
