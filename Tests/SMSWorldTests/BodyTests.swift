import Foundation
import SMSWorld
import SnapshotFormat
import Testing

@Suite("Bodies of the other endpoints")
struct BodyTests {
    @Test("Every body parses with JSONSerialization", arguments: [true, false])
    func everyBodyParses(quirks: Bool) throws {
        let world = try makeWorld(quirks: quirks)
        let pages = try ReportPages(world: world, pageSize: 25)
        for number in 1...pages.pageCount {
            #expect(try parseJSON(pages.body(ofPage: number)) is [String: Any])
        }
        for batch in world.batches {
            #expect(try parseJSON(BatchReportBody.render(batch, in: world)) is [Any])
        }
        #expect(try parseJSON(BatchIDsBody.render(world)) is [Any])
        #expect(try parseJSON(MetricsBody.render(world)) is [String: Any])
    }

    /// The `message` of every row of a parsed array of report rows.
    private func texts(ofRows rows: Any?) -> [String] {
        (rows as? [[String: Any]])?.compactMap { $0["message"] as? String } ?? []
    }

    @Test("Texts with quotes, backslashes, control characters and non-ASCII survive a JSON round trip")
    func escaping() throws {
        let world = try makeWorld(quirks: true)
        let pages = try ReportPages(world: world, pageSize: 100)
        var parsed: Set<String> = []
        var rawBodies: [[UInt8]] = [BatchIDsBody.render(world)]
        for number in 1...pages.pageCount {
            let body = pages.body(ofPage: number)
            rawBodies.append(body)
            parsed.formUnion(texts(ofRows: (try parseJSON(body) as? [String: Any])?["results"]))
        }
        for batch in world.batches {
            let body = BatchReportBody.render(batch, in: world)
            rawBodies.append(body)
            parsed.formUnion(texts(ofRows: try parseJSON(body)))
        }
        for text in Set(world.messages.map(\.text)) {
            #expect(parsed.contains(text), "lost in JSON: \(text.debugDescription.prefix(80))")
        }
        #expect(world.messages.contains { $0.text.contains("\u{07}") })
        for body in rawBodies {
            #expect(!body.contains { $0 < 0x20 }, "a raw control character in a body")
        }
    }

    @Test("batch-ids has one row per message in a batch, with codes or names")
    func batchIDs() throws {
        let world = try makeWorld(quirks: false)
        let rows = try #require(try parseJSON(BatchIDsBody.render(world)) as? [[String: Any]])
        let batchMessages = world.messages.filter { $0.batchID != nil }
        #expect(rows.count == batchMessages.count)
        for (row, message) in zip(rows, batchMessages) {
            #expect(row["batch_id"] as? String == message.batchID)
            #expect(row["sent_at"] as? String == message.sentAt.iso8601)
            let status = try #require(row["status"] as? String)
            switch message.outcome.status {
            case .delivered:
                #expect(status == "1")
                #expect(row["delivered_at"] as? String != nil)
            case .undeliverable:
                #expect(status == "4")
            default:
                #expect(status == message.outcome.status.rawValue.uppercased())
                #expect(row["delivered_at"] is NSNull)
            }
        }
    }

    @Test("A batch report holds its batch's rows, newest first")
    func batchReport() throws {
        let world = try makeWorld(quirks: false)
        for batch in world.batches {
            let rows = try #require(try parseJSON(BatchReportBody.render(batch, in: world)) as? [Any])
            #expect(rows.compactMap(rowKey(of:)) == batch.messageIndices.reversed().map { rowKey(of: world.messages[$0]) })
        }
    }

    @Test("Metrics count every delivery, and the delivered ones, by operator and day")
    func metrics() throws {
        let world = try makeWorld(quirks: true)
        let metrics = try #require(try parseJSON(MetricsBody.render(world)) as? [String: Int])
        let delivered = world.messages.filter { $0.outcome.status == .delivered }.reduce(0) { $0 + $1.recipients.count }
        #expect(metrics["sms:metrics:enqueue"] == world.deliveryCount)
        #expect(metrics["sms:metrics:delivered"] == delivered)
        let byOperator = metrics.filter { $0.key.hasPrefix("sms:metrics:enqueue:op:") && !$0.key.contains(":d:") }
        #expect(byOperator.values.reduce(0, +) == world.deliveryCount)
        let byDay = metrics.filter { $0.key.hasPrefix("sms:metrics:enqueue:d:") }
        #expect(byDay.values.reduce(0, +) == world.deliveryCount)
        #expect(byDay.count == 7)
        #expect(metrics.keys.contains("sms:metrics:enqueue:op:NTC:d:20251104"))
        #expect(MetricsBody.counts(world).map(\.key) == MetricsBody.counts(world).map(\.key).sorted())
    }

    @Test("Batch file names round-trip through FileSafeName")
    func batchFileNames() throws {
        let world = try makeWorld(quirks: true)
        let ids = world.batches.map(\.id)
        #expect(ids.contains("campaign/2025-11 A"))
        #expect(ids.contains("तिहार-शुभकामना"))
        #expect(ids.contains("bonus 100%"))
        #expect(ids.contains { $0.wholeMatch(of: /8[78]\d{10}-\d{4}/) != nil })
        for id in ids {
            let fileName = FileSafeName.batchReportFileName(for: id)
            #expect(fileName.utf8.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "/") })
            #expect(FileSafeName.decode(String(fileName.dropLast(".json".count))) == id)
        }
    }
}
