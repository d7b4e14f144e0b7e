import SMSWorld
import Testing

/// `--degrade OPERATOR:DAY:SHARE`: one operator delivers worse from a day on, and nothing else changes.
@Suite("Degrading operator")
struct DegradationTests {
    /// Deliveries and delivered deliveries of one operator on one Kathmandu day.
    private struct Tally: Equatable {
        var deliveries = 0
        var delivered = 0
    }

    /// Tallies by `OPERATOR:YYYY-MM-DD`.
    private func tallies(_ world: World) -> [String: Tally] {
        var tallies: [String: Tally] = [:]
        for message in world.messages {
            let day = KathmanduTime.day(of: message.sentAt.microseconds)
            for recipient in message.recipients {
                let key = "\(recipient.mobileOperator.rawValue):\(day)"
                tallies[key, default: Tally()].deliveries += 1
                if message.outcome.status == .delivered {
                    tallies[key, default: Tally()].delivered += 1
                }
            }
        }
        return tallies
    }

    private func world(seed: UInt64, quirks: Bool, degrade: String?) throws -> World {
        let degradation = try degrade.map { text throws(OperatorDegradation.Invalid) in try OperatorDegradation(parsing: text) }
        return World(parameters: try WorldParameters(deliveries: 40_000, days: 14, seed: seed, quirks: quirks,
                                                     degradation: degradation))
    }

    @Test("The operator's share drops to about SHARE from DAY on; other operators and days are unchanged",
          arguments: [(1, false), (2, true), (3, true)] as [(UInt64, Bool)])
    func degradesOnlyTheOperatorFromTheDay(seed: UInt64, quirks: Bool) throws {
        let normal = tallies(try world(seed: seed, quirks: quirks, degrade: nil))
        let degradedWorld = try world(seed: seed, quirks: quirks, degrade: "NCELL:2025-10-30:0.6")
        let degraded = tallies(degradedWorld)
        #expect(degradedWorld.deliveryCount == 40_000)
        #expect(Set(degraded.keys) == Set(normal.keys))
        var pooled = Tally()
        var pooledNormal = Tally()
        for (key, tally) in degraded {
            let normalTally = try #require(normal[key])
            #expect(tally.deliveries == normalTally.deliveries, "\(key): the same deliveries")
            if key.hasPrefix("NCELL:"), key >= "NCELL:2025-10-30" {
                pooled.deliveries += tally.deliveries
                pooled.delivered += tally.delivered
                pooledNormal.deliveries += normalTally.deliveries
                pooledNormal.delivered += normalTally.delivered
            } else {
                #expect(tally == normalTally, "\(key) is not degraded")
            }
        }
        let share = Double(pooled.delivered) / Double(pooled.deliveries)
        #expect(abs(share - 0.6) < 0.03, "NCELL delivered \(share) on the degraded days")
        #expect(Double(pooledNormal.delivered) / Double(pooledNormal.deliveries) > 0.7)
    }

    @Test("Failed deliveries have a failing status in every row and no delivered_at; sent_at stays unique")
    func failedRowsAreConsistent() throws {
        let normal = try world(seed: 4, quirks: true, degrade: nil)
        let degraded = try world(seed: 4, quirks: true, degrade: "NTC:2025-11-01:0.3")
        #expect(Set(degraded.messages.map(\.sentAt.microseconds)).count == degraded.messages.count)
        #expect(degraded.messages.count > normal.messages.count, "mixed messages are split")
        #expect(degraded.quirks == normal.quirks)
        let normalKeys = Set(normal.messages.map(\.sentAt.microseconds))
        for message in degraded.messages where !normalKeys.contains(message.sentAt.microseconds) {
            #expect(message.recipients.allSatisfy { $0.mobileOperator == .ntc })
            #expect([.undeliverable, .failed].contains(message.outcome.status))
            #expect(message.outcome.deliveredAt == nil && message.reportRow.deliveredAt == nil)
            #expect(message.batchIDsRow.deliveredAt == nil && message.batchReportRow == message.reportRow)
            #expect(KathmanduTime.day(of: message.sentAt.microseconds) >= CalendarDay(parsing: "2025-11-01")!)
        }
        let truth = CSVRecords.parse(String(decoding: TruthWriter.render(degraded), as: UTF8.self)).dropFirst()
        #expect(truth.count == 40_000)
        #expect(Set(truth.map { [$0[0], $0[2].isEmpty ? $0[1] : $0[2], $0[4]] }).count == truth.count)
    }

    @Test("The same options make the same degraded world")
    func deterministic() throws {
        let first = try world(seed: 9, quirks: true, degrade: "SMART:2025-11-03:0.2")
        let second = try world(seed: 9, quirks: true, degrade: "SMART:2025-11-03:0.2")
        #expect(TruthWriter.render(first) == TruthWriter.render(second))
        #expect(BatchIDsBody.render(first) == BatchIDsBody.render(second))
    }

    @Test("A share at or above the normal one changes nothing")
    func shareAboveNormalKeepsTheWorld() throws {
        let normal = try world(seed: 5, quirks: true, degrade: nil)
        let degraded = try world(seed: 5, quirks: true, degrade: "UTL:2025-10-22:1")
        #expect(TruthWriter.render(degraded) == TruthWriter.render(normal))
    }

    @Test("--degrade is refused with one line when it cannot be a degradation", arguments: [
        ("NCELL:2025-11-04", "--degrade must be OPERATOR:YYYY-MM-DD:SHARE, such as NCELL:2025-11-04:0.6, not 'NCELL:2025-11-04'"),
        ("FOO:2025-11-04:0.5", "--degrade operator must be one of NTC, NCELL, SMART, UTL, OTHER, not 'FOO'"),
        ("INVALID:2025-11-04:0.5", "--degrade operator must be one of NTC, NCELL, SMART, UTL, OTHER, not 'INVALID'"),
        ("NCELL:2025-13-04:0.5", "--degrade day must be a date written YYYY-MM-DD, not '2025-13-04'"),
        ("NCELL:2025-11-04:1.5", "--degrade share must be between 0 and 1, not 1.5"),
        ("NCELL:2025-11-04:-0.1", "--degrade share must be between 0 and 1, not -0.1"),
        ("NCELL:2025-11-04:lots", "--degrade share must be a number between 0 and 1, not 'lots'"),
        ("NCELL:2025-11-05:0.5", "--degrade day 2025-11-05 is after the last day 2025-11-04: nothing would degrade"),
    ])
    func refusesBadValues(value: String, message: String) throws {
        let options = try WorldOptions.parse(["--degrade", value])
        let error = #expect(throws: WorldOptions.Invalid.self) { try options.parameters() }
        #expect(error?.description == message)
    }

    @Test("--degrade ncell:2025-11-04:0.6 is accepted, the operator in any case")
    func acceptsAValue() throws {
        let parameters = try WorldOptions.parse(["--degrade", "ncell:2025-11-04:0.6"]).parameters()
        let degradation = try #require(parameters.degradation)
        #expect(degradation.mobileOperator == .ncell)
        #expect(degradation.fromDay.description == "2025-11-04")
        #expect(degradation.deliveredShare == 0.6)
        #expect(try WorldOptions.parse([]).parameters().degradation == nil)
    }
}
