import Foundation
import HummingbirdTesting
import SMSSimulator
import SMSWorld
import Testing

/// `--lose-rows`: report rows missing from every report endpoint while the metrics count them.
@Suite struct RowLossTests {
    /// What a client reads from a simulator: every page row, every batch report, the batch-ids rows and the metrics.
    private struct Reading {
        /// Each page row as `sent_at|text|phones`, in serving order.
        var pageRows: [String] = []
        /// Recipients over every page row.
        var pageDeliveries = 0
        /// `count` of the last page.
        var lastCount = 0
        /// Each batch's rows from its batch report, by batch id.
        var batchRows: [String: Set<String>] = [:]
        /// The `sent_at` of each batch-ids row, by batch id.
        var batchIDsSentAt: [String: Set<String>] = [:]
        /// `sms:metrics:enqueue`.
        var enqueued = 0
    }

    private func rowKey(_ row: [String: Any]) throws -> String {
        let sentAt = try #require(row["sent_at"] as? String)
        let text = try #require(row["message"] as? String)
        let recipients = try #require(row["recipients"] as? [[String: Any]])
        return ([sentAt, text] + recipients.compactMap { phoneText($0["client_phone"]) }).joined(separator: "|")
    }

    private func read(_ client: LiveClient) async throws -> Reading {
        var reading = Reading()
        var target: String? = "/api/sms-report/"
        while let current = target {
            let page = try Page(try await client.get(current))
            for row in page.results {
                reading.pageRows.append(try rowKey(row))
                reading.pageDeliveries += (row["recipients"] as? [Any])?.count ?? 0
            }
            reading.lastCount = page.count
            target = try page.next.map(localTarget(ofLink:))
        }
        let batchIDs = try #require(try json(try await client.get("/api/batch-ids")) as? [[String: Any]])
        for row in batchIDs {
            let id = try #require(row["batch_id"] as? String)
            reading.batchIDsSentAt[id, default: []].insert(try #require(row["sent_at"] as? String))
        }
        for id in reading.batchIDsSentAt.keys {
            let response = try await client.get(BatchReportBody.path(for: id))
            #expect(response.status == .ok, "batch \(id) listed in batch-ids has a report")
            let rows = try #require(try json(response) as? [[String: Any]])
            reading.batchRows[id] = Set(try rows.map(rowKey))
        }
        let metrics = try #require(try json(try await client.get("/api/metrics/snapshot/")) as? [String: Int])
        reading.enqueued = try #require(metrics["sms:metrics:enqueue"])
        return reading
    }

    @Test func lostRowsAreMissingFromEveryReportEndpointButCountedInTheMetrics() async throws {
        let plan = try RowLossPlan(fraction: 0.1, seed: 42)
        let server = try makeServer(deliveries: 3000, pageSize: 100, isStaff: true, rowLoss: plan)
        let (reading, truth) = try await withLiveServer(server) { client in
            (try await read(client), try await client.truth())
        }

        #expect(reading.enqueued == 3000, "the metrics still count every delivery")
        let lostShare = Double(reading.enqueued - reading.pageDeliveries) / Double(reading.enqueued)
        #expect((0.06...0.14).contains(lostShare), "about 10% lost, not \(lostShare)")
        #expect(Set(reading.pageRows).count == reading.pageRows.count, "no row is served twice")
        #expect(reading.lastCount == reading.pageRows.count, "count is the rows served")
        #expect(truth.count == reading.pageDeliveries, "the truth is what the endpoints serve")

        // The world's messages that the plan keeps are exactly the rows served.
        let world = World(parameters: try WorldParameters(deliveries: 3000, days: 7, seed: 42, quirks: false))
        let kept = world.messages.filter { !plan.loses(sentAt: $0.sentAt.microseconds) }
        #expect(kept.count < world.messages.count)
        #expect(Set(reading.pageRows) == Set(kept.map { message in
            ([message.sentAt.iso8601, message.text] + message.recipients.map(\.phone.asReceived)).joined(separator: "|")
        }))

        // Batch reports and batch-ids serve the same rows as the pages.
        let pageRows = Set(reading.pageRows)
        let pageSentAt = Set(reading.pageRows.map { String($0.prefix { $0 != "|" }) })
        #expect(!reading.batchRows.isEmpty)
        for (id, rows) in reading.batchRows {
            #expect(rows.isSubset(of: pageRows), "batch \(id) serves only rows the pages serve")
            #expect(Set(rows.map { String($0.prefix { $0 != "|" }) }) == reading.batchIDsSentAt[id],
                    "batch \(id): batch-ids and its report list the same messages")
        }
        let batchedInWorld = Set(kept.filter { $0.batchID != nil }.map(\.sentAt.iso8601))
        #expect(Set(reading.batchIDsSentAt.values.joined()) == batchedInWorld)
        #expect(batchedInWorld.isSubset(of: pageSentAt))
    }

    @Test func theSameSeedLosesTheSameRows() async throws {
        let plan = try RowLossPlan(fraction: 0.1, seed: 42)
        let first = try await withLiveServer(try makeServer(deliveries: 1000, isStaff: true, rowLoss: plan)) {
            try await read($0)
        }
        let second = try await withLiveServer(try makeServer(deliveries: 1000, isStaff: true, rowLoss: plan)) {
            try await read($0)
        }
        #expect(first.pageRows == second.pageRows)
        #expect(first.batchRows == second.batchRows)
        let otherSeed = try RowLossPlan(fraction: 0.1, seed: 43)
        let other = try await withLiveServer(try makeServer(deliveries: 1000, isStaff: true, rowLoss: otherSeed)) {
            try await read($0)
        }
        #expect(Set(other.pageRows) != Set(first.pageRows))
    }

    @Test func noLossServesEveryRow() async throws {
        let reading = try await withLiveServer(try makeServer(deliveries: 500, isStaff: true)) { try await read($0) }
        #expect(reading.pageDeliveries == 500)
        #expect(reading.enqueued == 500)
    }

    @Test func lostArrivalsAreLostAlike() async throws {
        let plan = try RowLossPlan(fraction: 0.5, seed: 42)
        let shift = try PageShiftPlan(everyPages: 1, size: 10)
        let server = try makeServer(deliveries: 200, pageSize: 50, isStaff: true, shift: shift, rowLoss: plan)
        try await withLiveServer(server) { client in
            for _ in 1...3 {
                _ = try await client.get("/api/sms-report/?page=1")
            }
            let metrics = try #require(try json(try await client.get("/api/metrics/snapshot/")) as? [String: Int])
            #expect(metrics["sms:metrics:enqueue"] == 230, "the metrics count the 30 arrivals")
            let arrivalsServed = try await client.truth().filter { $0[4].hasSuffix("It expires in 10 minutes.") }.count
            #expect((1...29).contains(arrivalsServed), "about half the arrivals are lost, not \(30 - arrivalsServed)")
        }
    }

    @Test("--lose-rows outside 0...1 is refused with one line", arguments: [-0.1, 1.5, Double.nan, Double.infinity])
    func refusesFractionsOutsideZeroToOne(fraction: Double) {
        #expect(throws: SimulatorOptionError("--lose-rows must be between 0 and 1, not \(fraction)")) {
            try RowLossPlan(fraction: fraction, seed: 1)
        }
    }
}
