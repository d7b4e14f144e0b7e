import Foundation
import SMSWorld
import Testing

@Suite("Determinism")
struct DeterminismTests {
    /// Every body and the truth, concatenated with separators.
    private func allBytes(of world: World, pageSize: Int = 20) throws -> [UInt8] {
        let pages = try ReportPages(world: world, pageSize: pageSize)
        var bytes = BatchIDsBody.render(world) + MetricsBody.render(world) + TruthWriter.render(world)
        for number in 1...pages.pageCount {
            bytes += [0] + pages.body(ofPage: number)
        }
        for batch in world.batches {
            bytes += [0] + BatchReportBody.render(batch, in: world)
        }
        return bytes
    }

    @Test("The same parameters give byte-identical bodies", arguments: [true, false])
    func sameSeedSameBytes(quirks: Bool) throws {
        let first = try allBytes(of: makeWorld(deliveries: 2000, seed: 9, quirks: quirks))
        let second = try allBytes(of: makeWorld(deliveries: 2000, seed: 9, quirks: quirks))
        #expect(first == second)
    }

    @Test("Another seed gives another world")
    func otherSeedOtherBytes() throws {
        let first = try allBytes(of: makeWorld(seed: 1, quirks: true))
        let second = try allBytes(of: makeWorld(seed: 2, quirks: true))
        #expect(first != second)
    }

    @Test("A snapshot folder written twice is byte-identical")
    func snapshotFoldersMatch() throws {
        let world = try makeWorld(quirks: true)
        let first = temporaryFolder("first")
        let second = temporaryFolder("second")
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        try SnapshotWriter(world: world, pageSize: 50).write(to: first)
        try SnapshotWriter(world: world, pageSize: 50).write(to: second)
        let files = try FileManager.default.subpathsOfDirectory(atPath: first.path).sorted()
        #expect(try FileManager.default.subpathsOfDirectory(atPath: second.path).sorted() == files)
        for file in files where file.hasSuffix(".json") {
            let left = try Data(contentsOf: first.appendingPathComponent(file))
            let right = try Data(contentsOf: second.appendingPathComponent(file))
            #expect(left == right, "\(file) differs")
        }
    }

    @Test("Quirks change messages, never the shape of the world")
    func quirksKeepTheShape() throws {
        let clean = try makeWorld(quirks: false)
        let quirky = try makeWorld(quirks: true)
        #expect(clean.deliveryCount == 600)
        #expect(quirky.deliveryCount == 600)
        #expect(clean.messages.count == quirky.messages.count)
        #expect(clean.batches.map(\.id).sorted() == quirky.batches.map(\.id).sorted())
    }

    @Test("The world has exactly the deliveries asked for", arguments: [0, 1, 2, 3, 7, 50, 301, 4999])
    func exactDeliveryCount(deliveries: Int) throws {
        #expect(try makeWorld(deliveries: deliveries, quirks: true).deliveryCount == deliveries)
        #expect(try makeWorld(deliveries: deliveries, quirks: false).deliveryCount == deliveries)
    }
}
