import Foundation
import HummingbirdTesting
import SMSSimulator
import SMSWorld
import Testing

@Suite struct BatchTests {
    @Test func batchIDsWithAndWithoutTrailingSlash() async throws {
        let server = try makeServer(deliveries: 300)
        let world = World(parameters: server.configuration.world)
        try await withLiveServer(server) { client in
            for target in ["/api/batch-ids", "/api/batch-ids/"] {
                let response = try await client.get(target)
                #expect(response.status == .ok)
                #expect(Array(bodyText(response).utf8) == BatchIDsBody.render(world))
            }
        }
    }

    @Test func emptyWorldHasNoBatchIDs() async throws {
        try await withLiveServer(try makeServer(deliveries: 0)) { client in
            let response = try await client.get("/api/batch-ids")
            #expect(response.status == .notFound)
            #expect(bodyText(response) == #"{"error":"No batch ID found."}"#)
            let page = try Page(try await client.get("/api/sms-report/"))
            #expect(page.count == 0 && page.next == nil && page.results.isEmpty)
        }
    }

    @Test func batchReportsByPercentEncodedID() async throws {
        let server = try makeServer(deliveries: 600, quirks: true)
        let world = World(parameters: server.configuration.world)
        let missing = try #require(world.batches.first { !$0.hasReport })
        try await withLiveServer(server) { client in
            for (target, id) in [("/api/sms-report/campaign%2F2025-11%20A/", "campaign/2025-11 A"),
                                 ("/api/sms-report/bonus%20100%25/", "bonus 100%"),
                                 (BatchReportBody.path(for: "तिहार-शुभकामना"), "तिहार-शुभकामना")] {
                let batch = try #require(world.batches.first { $0.id == id })
                let response = try await client.get(target)
                #expect(response.status == .ok, "\(id)")
                let rows = try #require(try json(response) as? [[String: Any]])
                #expect(rows.count == batch.messageIndices.count)
                #expect(Array(bodyText(response).utf8) == BatchReportBody.render(batch, in: world))
            }
            let withoutSlash = try await client.get("/api/sms-report/campaign%2F2025-11%20A")
            #expect(withoutSlash.status == .ok)
            for target in ["/api/sms-report/no-such-batch/", BatchReportBody.path(for: missing.id)] {
                let response = try await client.get(target)
                #expect(response.status == .notFound, "\(target)")
                #expect(bodyText(response) == #"{"error":"SMS message not found."}"#)
            }
            #expect(try await client.stats().byKind["batch_reports"] == 6)
        }
    }
}
