import Foundation
import SMSWorld
import Testing

@Suite("Ground truth")
struct TruthTests {
    @Test("One line per delivery after the header", arguments: [true, false])
    func lineCount(quirks: Bool) throws {
        let world = try makeWorld(quirks: quirks)
        let records = CSVRecords.parse(String(decoding: TruthWriter.render(world), as: UTF8.self))
        #expect(records.first == TruthWriter.header.split(separator: ",").map(String.init))
        #expect(records.count == world.deliveryCount + 1)
        #expect(records.allSatisfy { $0.count == 8 })
        let keys = records.dropFirst().map { [$0[0], $0[2].isEmpty ? $0[1] : $0[2], $0[4]].joined(separator: "\u{1F}") }
        #expect(Set(keys).count == keys.count, "two lines for one delivery")
    }

    @Test("A clean world's truth has the statuses the metrics count, and only valid phones")
    func cleanCounts() throws {
        let world = try makeWorld(quirks: false)
        let records = CSVRecords.parse(String(decoding: TruthWriter.render(world), as: UTF8.self)).dropFirst()
        let metrics = try #require(try parseJSON(MetricsBody.render(world)) as? [String: Int])
        #expect(records.filter { $0[5] == "delivered" }.count == metrics["sms:metrics:delivered"])
        #expect(records.allSatisfy { $0[2].count == 10 && $0[3] != "INVALID" })
        #expect(records.allSatisfy { $0[5] != "unknown" })
        #expect(records.allSatisfy { ($0[5] == "delivered") == !$0[6].isEmpty })
        #expect(Set(records.map { $0[3] }) == ["NTC", "NCELL", "SMART", "UTL", "OTHER"])
        #expect(records.contains { $0[7].isEmpty })
        #expect(records.contains { $0[7] == "campaign/2025-11 A" })
    }

    @Test("The truth follows the contract's precedence in the planted cases")
    func precedenceCases() throws {
        let world = try makeWorld(quirks: true)
        let records = CSVRecords.parse(String(decoding: TruthWriter.render(world), as: UTF8.self)).dropFirst()
        let finalCode = try #require(world.messages.first { $0.reportRow.raw == "SENT" && $0.batchIDsRow.raw == "1" })
        let finalCodeLines = records.filter { $0[0] == finalCode.sentAt.written(as: .standard).iso8601 }
        #expect(finalCodeLines.count == finalCode.recipients.count)
        #expect(finalCodeLines.allSatisfy { $0[5] == "delivered" && $0[6] == finalCode.batchIDsRow.deliveredAt?.iso8601 })

        let conflict = try #require(world.messages.first { $0.batchReportRow.raw == "UNDELIVERABLE" && $0.reportRow.raw != "UNDELIVERABLE" })
        let conflictLine = try #require(records.first { $0[0] == conflict.sentAt.written(as: .standard).iso8601 })
        #expect(conflictLine[5] == "delivered")

        let missing = try #require(world.batches.first { !$0.hasReport })
        #expect(records.filter { $0[7] == missing.id }.count
            == missing.messageIndices.reduce(0) { $0 + world.messages[$1].recipients.count })

        let invalid = try #require(records.first { $0[1] == "+1 555 0100" })
        #expect(invalid[2].isEmpty && invalid[3] == "INVALID")
        let zero = try #require(records.first { $0[1].hasPrefix("0") })
        #expect(zero[2] == String(zero[1].dropFirst()))
        #expect(records.contains { $0[5] == "unknown" })
    }

    @Test("Lines are ordered by sent_at, then phone; times are in +05:45 with 6 digits")
    func ordering() throws {
        let world = try makeWorld(quirks: true)
        let records = Array(CSVRecords.parse(String(decoding: TruthWriter.render(world), as: UTF8.self)).dropFirst())
        let sortKeys = records.map { ($0[0], $0[2].isEmpty ? $0[1] : $0[2]) }
        for (earlier, later) in zip(sortKeys, sortKeys.dropFirst()) {
            #expect(earlier.0 < later.0 || (earlier.0 == later.0 && earlier.1.utf8.lexicographicallyPrecedes(later.1.utf8)))
        }
        for record in records {
            #expect(record[0].wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+05:45/) != nil)
            #expect(record[6].isEmpty || record[6].wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+05:45/) != nil)
        }
    }

    @Test("Writing to a file gives the same bytes as rendering")
    func fileMatchesRender() throws {
        let world = try makeWorld(deliveries: 5000, quirks: true)
        let url = temporaryFolder("truth").appendingPathExtension("csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try TruthWriter.write(world, to: url)
        #expect(try Data(contentsOf: url) == Data(TruthWriter.render(world)))
    }
}
