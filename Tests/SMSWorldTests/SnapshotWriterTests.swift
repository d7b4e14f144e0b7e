import Foundation
import SMSWorld
import SnapshotFormat
import Testing

@Suite("Snapshot folder")
struct SnapshotWriterTests {
    @Test("The folder has the contract's layout and a manifest that describes it")
    func layout() throws {
        let world = try makeWorld(quirks: true)
        let folder = temporaryFolder("layout")
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = try SnapshotWriter(world: world, pageSize: 50)
        let summary = try writer.write(to: folder)

        let manifestData = try Data(contentsOf: folder.appendingPathComponent(SnapshotLayout.manifest))
        let manifest = try JSONDecoder().decode(Manifest.self, from: manifestData)
        #expect(manifest.complete)
        #expect(manifest.reasons.isEmpty)
        #expect(manifest.pageSize == 50)
        #expect(manifest.baseURL == "https://dicesms.asia")
        #expect(manifest.fetchStarted == "2025-11-05T01:00:00.000000+05:45")
        #expect(manifest.fetchFinished == "2025-11-05T01:02:13.512000+05:45")

        let reported = world.batches.filter(\.hasReport)
        #expect(manifest.batches.count == reported.count)
        for batch in reported {
            #expect(manifest.batches[FileSafeName.batchReportFileName(for: batch.id)] == batch.id)
        }
        for (fileName, id) in manifest.batches {
            #expect(FileSafeName.decode(String(fileName.dropLast(".json".count))) == id)
        }

        let requests = try #require(manifest.requests)
        #expect(requests.count == summary.files - 1)
        #expect(requests.count == writer.bodyFileCount)
        #expect(requests.first?.path == "/api/batch-ids")
        #expect(requests.last?.path == "/api/metrics/snapshot/")
        var totalBytes = manifestData.count
        for request in requests {
            #expect(request.status == 200 && request.attempts == 1 && request.sha256 == nil)
            let file = try #require(request.file)
            let size = try Data(contentsOf: folder.appendingPathComponent(file)).count
            #expect(request.bytes == size)
            totalBytes += size
        }
        #expect(summary.bytes == totalBytes)
        let pageFiles = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(SnapshotLayout.pagesFolder).path)
        #expect(pageFiles.sorted() == (1...summary.pages).map { String(SnapshotLayout.pagePath(number: $0).dropFirst(SnapshotLayout.pagesFolder.count + 1)) })
        #expect(requests.filter { $0.path.hasPrefix("/api/sms-report/?page=") }.map(\.file) == (1...summary.pages).map { SnapshotLayout.pagePath(number: $0) })
    }

    @Test("ManifestJSON writes what Foundation decodes back to the same manifest")
    func manifestRoundTrip() throws {
        let manifest = Manifest(tool: "t \"q\"", baseURL: "https://dicesms.asia", fetchStarted: "a", fetchFinished: "b",
                                complete: false, reasons: ["page 3: 500", "line\nbreak"], pageSize: 7,
                                batches: ["b.json": "b", "a%2F.json": "a/"], skippedBatches: ["x"], pagingStoppedEarly: true,
                                requests: [Manifest.Request(path: "/p", status: 500, attempts: 3, error: "boom"),
                                           Manifest.Request(path: "/q", status: 200, attempts: 1, bytes: 12, sha256: "ab", file: "f")])
        let decoded = try JSONDecoder().decode(Manifest.self, from: Data(ManifestJSON.render(manifest)))
        #expect(decoded == manifest)
        let empty = Manifest()
        #expect(try JSONDecoder().decode(Manifest.self, from: Data(ManifestJSON.render(empty))) == empty)
    }
}
