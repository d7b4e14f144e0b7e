import SMSWorld
import Testing

/// The metrics snapshot's `enqueue` counters equal the deliveries a report of the same
/// world shows, per operator and Kathmandu day (contract §3 and §10's reconciliation).
@Suite("Metrics agree with the report")
struct MetricsConsistencyTests {
    /// The operator of a phone as received, by contract §3 alone: separators dropped,
    /// Devanagari digits mapped, a `+977`, `977` (13 digits) or `0` (11 digits) prefix
    /// stripped; 10 digits starting with 9 is valid, and its first three digits name the operator.
    static func contractOperator(ofPhone raw: String) -> String {
        var digits = ""
        for scalar in raw.unicodeScalars where !" -.()[]".unicodeScalars.contains(scalar) {
            if (0x0966...0x096F).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0x0966 + 0x30) {
                digits.unicodeScalars.append(ascii)
            } else {
                digits.unicodeScalars.append(scalar)
            }
        }
        if digits.hasPrefix("+977") {
            digits.removeFirst(4)
        } else if digits.hasPrefix("977"), digits.count == 13 {
            digits.removeFirst(3)
        } else if digits.hasPrefix("0"), digits.count == 11 {
            digits.removeFirst(1)
        }
        guard digits.count == 10, digits.hasPrefix("9"), digits.allSatisfy({ ("0"..."9").contains($0) }) else {
            return "INVALID"
        }
        let table = ["984": "NTC", "985": "NTC", "986": "NTC", "974": "NTC", "975": "NTC", "976": "NTC",
                     "980": "NCELL", "981": "NCELL", "982": "NCELL", "970": "NCELL",
                     "961": "SMART", "962": "SMART", "988": "SMART", "972": "UTL"]
        return table[String(digits.prefix(3))] ?? "OTHER"
    }

    /// The `enqueue` counters by operator and day, as `OP:YYYYMMDD`.
    private func enqueueByOperatorAndDay(_ world: World) throws -> [String: Int] {
        let metrics = try #require(try parseJSON(MetricsBody.render(world)) as? [String: Int])
        var counts: [String: Int] = [:]
        for (key, count) in metrics {
            guard let match = key.wholeMatch(of: /sms:metrics:enqueue:op:([A-Z]+):d:(\d{8})/) else { continue }
            counts["\(match.1):\(match.2)"] = count
        }
        return counts
    }

    /// Distinct deliveries by operator and Kathmandu day, from the truth's lines: keyed
    /// by `sent_at`, the phone a report shows and the text; the operator from the phone as sent.
    private func distinctDeliveriesByOperatorAndDay(_ world: World) throws -> [String: Int] {
        let lines = CSVRecords.parse(String(decoding: TruthWriter.render(world), as: UTF8.self)).dropFirst()
        var keys: Set<[String]> = []
        var counts: [String: Int] = [:]
        for line in lines {
            let phone = line[2].isEmpty ? line[1] : line[2]
            guard keys.insert([line[0], phone, line[4]]).inserted else { continue }
            let mobileOperator = Self.contractOperator(ofPhone: line[1])
            #expect(mobileOperator == line[3], "the truth's operator of \(line[1])")
            #expect(line[0].hasSuffix("+05:45"))
            let day = line[0].prefix(10).filter { $0 != "-" }
            counts["\(mobileOperator):\(day)", default: 0] += 1
        }
        return counts
    }

    /// Distinct deliveries by operator over the page rows as served, repeats included.
    private func distinctPageDeliveriesByOperator(_ world: World) throws -> [String: Int] {
        let pages = try ReportPages(world: world, pageSize: 50)
        var keys: Set<[String]> = []
        var counts: [String: Int] = [:]
        for number in 1...pages.pageCount {
            let body = try #require(try parseJSON(pages.body(ofPage: number)) as? [String: Any])
            for row in try #require(body["results"] as? [[String: Any]]) {
                let sentAt = try #require(row["sent_at"] as? String)
                let text = try #require(row["message"] as? String)
                for recipient in try #require(row["recipients"] as? [[String: Any]]) {
                    let phone = try #require(phoneText(recipient["client_phone"]))
                    if keys.insert([sentAt, phone, text]).inserted {
                        counts[Self.contractOperator(ofPhone: phone), default: 0] += 1
                    }
                }
            }
        }
        return counts
    }

    @Test("enqueue per operator and day equals the report's distinct deliveries",
          arguments: [1, 7, 42, 2025] as [UInt64], [true, false])
    func enqueueEqualsDistinctDeliveries(seed: UInt64, quirks: Bool) throws {
        let world = World(parameters: try WorldParameters(deliveries: 3000, days: 7, seed: seed, quirks: quirks))
        let enqueued = try enqueueByOperatorAndDay(world)
        #expect(enqueued == (try distinctDeliveriesByOperatorAndDay(world)))
        var byOperator: [String: Int] = [:]
        for (key, count) in enqueued {
            byOperator[String(key.prefix { $0 != ":" }), default: 0] += count
        }
        #expect(byOperator == (try distinctPageDeliveriesByOperator(world)))
        if quirks {
            #expect(byOperator["INVALID", default: 0] > 0, "invalid phones are counted under INVALID")
        }
    }

    @Test("A degraded world's counters still equal its deliveries")
    func degradedWorld() throws {
        let degradation = try OperatorDegradation(parsing: "NCELL:2025-11-02:0.5")
        let world = World(parameters: try WorldParameters(deliveries: 3000, days: 7, seed: 3, quirks: true,
                                                          degradation: degradation))
        #expect(try enqueueByOperatorAndDay(world) == (try distinctDeliveriesByOperatorAndDay(world)))
    }
}
