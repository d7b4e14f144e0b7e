import Foundation
import SMSWorld
import SnapshotFormat
import Testing

@Suite("Quirks")
struct QuirkTests {
    /// Every body of the world as one text, with the page shift at page size 50.
    private func allText(of world: World) throws -> String {
        let pages = try ReportPages(world: world, pageSize: 50)
        var bytes = BatchIDsBody.render(world)
        for number in 1...pages.pageCount {
            bytes += pages.body(ofPage: number)
        }
        for batch in world.batches where batch.hasReport {
            bytes += BatchReportBody.render(batch, in: world)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Texts that appear only in the bodies of a world with quirks.
    private static let markers = [
        #""client_phone":"+977-9"#, #""client_phone":"977 9"#, #""client_phone":"09"#, #""client_phone":"९"#,
        #""client_phone":"12345""#, #""client_phone":"+1 555 0100""#, #""client_name":null"#,
        #""status":"WEIRD""#, "=SUM(A1:A9)", "+977 call us", "-50% off", "@here", "<script>alert(1)</script>",
        #"\"><img src=x onerror=alert(1)>"#, #"\u0007"#, #"\r\n"#, "+00:00\"", "Z\"",
    ]

    @Test("With quirks on, every quirk is planted and visible in the bodies")
    func quirksPresent() throws {
        let world = try makeWorld(quirks: true)
        for quirk in Quirk.allCases {
            #expect(world.quirks.count(of: quirk) >= 1, "\(quirk) not planted")
        }
        let text = try allText(of: world)
        for marker in Self.markers {
            #expect(text.contains(marker), "missing \(marker)")
        }
        #expect(world.messages.contains { $0.text.count > 32_767 })
        #expect(text.contains(#/"sent_at":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:45"/#))
        #expect(text.contains(#/"sent_at":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+05:45"/#))
    }

    @Test("With quirks off, no quirk is planted and the bodies hold none")
    func quirksAbsent() throws {
        let world = try makeWorld(quirks: false)
        #expect(world.quirks.isEmpty)
        let text = try allText(of: world)
        for marker in Self.markers {
            #expect(!text.contains(marker), "found \(marker)")
        }
        #expect(!text.contains(#/"(sent|delivered)_at":"[^"]*(\d\d:\d\d|\.\d{3})\+05:45"/#))
        #expect(world.batches.allSatisfy { $0.hasReport })
        for message in world.messages {
            #expect(message.recipients.allSatisfy { $0.intendedNumber != nil && $0.clientName != nil })
            #expect(message.outcome.status != .unknown)
            #expect(message.reportRow == message.batchReportRow)
            if let deliveredAt = message.outcome.deliveredAt {
                #expect(deliveredAt >= message.sentAt.microseconds)
            }
        }
    }

    @Test("Status conflict: the page says DELIVERED, the batch report UNDELIVERABLE, the outcome follows the page")
    func statusConflict() throws {
        let world = try makeWorld(quirks: true)
        let conflicts = world.messages.filter { $0.reportRow.raw != $0.batchReportRow.raw && $0.batchReportRow.raw == "UNDELIVERABLE" }
        let message = try #require(conflicts.first)
        #expect(conflicts.count == 1)
        #expect(message.reportRow.raw == "DELIVERED" || message.reportRow.raw == "DELIVRD" || message.reportRow.raw == " delivered ")
        #expect(message.outcome == IntendedOutcome(status: .delivered, deliveredAt: message.reportRow.deliveredAt?.microseconds))
        #expect(message.batchID != nil)
    }

    @Test("batch-ids final code: report rows say SENT, batch-ids says \"1\" with delivered_at, the outcome is delivered")
    func batchIDsFinalCode() throws {
        let world = try makeWorld(quirks: true)
        let message = try #require(world.messages.first { $0.reportRow.raw == "SENT" && $0.batchIDsRow.raw == "1" })
        #expect(message.reportRow.deliveredAt == nil)
        #expect(message.batchReportRow == message.reportRow)
        let deliveredAt = try #require(message.batchIDsRow.deliveredAt)
        #expect(message.outcome == IntendedOutcome(status: .delivered, deliveredAt: deliveredAt.microseconds))
        #expect(message.recipients.count >= 2)
    }

    @Test("A batch listed in batch-ids has no batch report, and the snapshot has no file for it")
    func missingBatchReport() throws {
        let world = try makeWorld(quirks: true)
        let missing = try #require(world.batches.first { !$0.hasReport })
        let rows = try #require(try parseJSON(BatchIDsBody.render(world)) as? [[String: Any]])
        #expect(rows.contains { $0["batch_id"] as? String == missing.id })

        let folder = temporaryFolder("missing")
        defer { try? FileManager.default.removeItem(at: folder) }
        try SnapshotWriter(world: world, pageSize: 50).write(to: folder)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(SnapshotLayout.batchReportPath(for: missing.id)).path))
    }

    @Test("Negative latencies are a few seconds, on delivered messages")
    func negativeLatency() throws {
        let world = try makeWorld(quirks: true)
        let negative = world.messages.filter { ($0.outcome.deliveredAt ?? .max) < $0.sentAt.microseconds }
        #expect(negative.count == world.quirks.count(of: .negativeLatency))
        for message in negative {
            let latency = try #require(message.outcome.deliveredAt) - message.sentAt.microseconds
            #expect((-6_000_000 ..< 0).contains(latency))
            #expect(message.outcome.status == .delivered)
            #expect(message.reportRow.deliveredAt?.microseconds == message.outcome.deliveredAt)
        }
    }

    @Test("Odd phones keep the number the world meant; invalid ones have none")
    func phones() throws {
        let world = try makeWorld(quirks: true)
        let recipients = world.messages.flatMap(\.recipients)
        let dashed = try #require(recipients.first { $0.phone.asReceived.hasPrefix("+977-") })
        #expect(dashed.phone.asReceived == "+977-\(try #require(dashed.intendedNumber).prefix(3))-\(dashed.intendedNumber?.dropFirst(3) ?? "")")
        let devanagari = try #require(recipients.first { $0.phone.asReceived.unicodeScalars.first?.value == 0x096F })
        #expect(devanagari.intendedNumber?.count == 10)
        let invalid = recipients.filter { $0.intendedNumber == nil }
        #expect(Set(invalid.map(\.phone.asReceived)).isSuperset(of: ["12345", "+1 555 0100"]))
        #expect(invalid.allSatisfy { $0.mobileOperator == .invalid })
        #expect(invalid.contains { if case .number = $0.phone { true } else { false } })
    }

    @Test("sent_at stays unique after timestamps are cut to whole seconds or milliseconds")
    func uniqueSentTimes() throws {
        let world = try makeWorld(deliveries: 20_000, quirks: true)
        let instants = world.messages.map(\.sentAt.microseconds)
        #expect(Set(instants).count == instants.count)
        #expect(instants == instants.sorted())
        for message in world.messages {
            #expect(message.sentAt.microseconds % message.sentAt.style.fractionDigits.stepMicroseconds == 0)
        }
    }
}
