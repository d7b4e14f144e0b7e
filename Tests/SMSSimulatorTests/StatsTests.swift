import Foundation
import HummingbirdTesting
import SMSSimulator
import Testing

@Suite struct StatsTests {
    @Test func statsCountRequestsByKindAndReset() async throws {
        try await withLiveServer(try makeServer(isStaff: true)) { client in
            _ = try await client.get("/api/sms-report/?page=1")
            _ = try await client.get("/api/sms-report/?page=3")
            _ = try await client.get("/api/sms-report/?page=2")
            _ = try await client.get("/api/batch-ids")
            _ = try await client.get("/api/sms-report/campaign%2F2025-11%20A/")
            _ = try await client.get("/api/metrics/snapshot/")
            _ = try await client.get("/api/batch-ids", authorization: nil)
            let stats = try await client.stats()
            #expect(stats.requests == 7)
            #expect(stats.byKind == ["batch_ids": 1, "pages": 3, "batch_reports": 1, "metrics": 1])
            #expect(stats.pages == [1, 3, 2])
            #expect(stats.unauthorized == 1)
            #expect(stats.failuresInjected == 0 && stats.rateLimited == 0 && stats.dropped == 0)

            let reset = try await client.post("/__sim/reset-stats")
            #expect(reset.status == .ok)
            let cleared = try await client.stats()
            #expect(cleared.requests == 0 && cleared.pages.isEmpty && cleared.unauthorized == 0)
            #expect(cleared.byKind == ["batch_ids": 0, "pages": 0, "batch_reports": 0, "metrics": 0])
        }
    }

    @Test func concurrentRequestsAreAllCounted() async throws {
        let server = try makeServer(deliveries: 1_000)
        try await withLiveServer(server) { client in
            // Eight clients at once, eight requests each: as concurrent as the test
            // client's connection pool serves, so no request waits in its queue long
            // enough to time out on a busy machine (64 at once did, under CI's load).
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        for request in 0..<8 {
                            let response = try await client.get("/api/sms-report/?page=\((worker * 8 + request) % 10 + 1)")
                            #expect(response.status == .ok)
                        }
                    }
                }
                try await group.waitForAll()
            }
            let stats = try await client.stats()
            #expect(stats.requests == 64)
            #expect(stats.pages.count == 64)
            #expect(server.stats.byKind[.pages] == 64, "the in-process view agrees")
        }
    }

    @Test func truthEndpointMatchesTheWorld() async throws {
        let server = try makeServer(deliveries: 250, quirks: true)
        try await withLiveServer(server) { client in
            let response = try await client.get("/__sim/truth", authorization: nil)
            #expect(response.status == .ok)
            #expect(Array(bodyText(response).utf8) == server.truth)
            #expect(try await client.truth().count == 250)
        }
    }

    @Test func listeningLine() {
        #expect(SimulatorServer.listeningLine(host: "127.0.0.1", port: 8080) == "listening on http://127.0.0.1:8080")
        #expect(SimulatorServer.listeningLine(host: "::1", port: 80) == "listening on http://[::1]:80")
    }
}
