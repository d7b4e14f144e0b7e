import Foundation
import HummingbirdTesting
import SMSSimulator
import Testing

@Suite struct AccessTests {
    @Test func apiRequestsNeedTheToken() async throws {
        try await withLiveServer(try makeServer()) { client in
            for authorization in [nil, "Token wrong", "Bearer \(testToken)", "Token", "Token \(testToken) extra"] {
                let response = try await client.get("/api/sms-report/", authorization: authorization)
                #expect(response.status == .unauthorized, "\(authorization ?? "no header")")
                #expect(bodyText(response) == #"{"detail":"Invalid token."}"#)
                #expect(response.headers[.contentType] == "application/json")
            }
            #expect(try await client.get("/api/batch-ids", authorization: nil).status == .unauthorized)
            #expect(try await client.get("/api/sms-report/", authorization: "token \(testToken)").status == .ok)
            let stats = try await client.stats()
            #expect(stats.unauthorized == 6)
            #expect(stats.requests == 7)
            #expect(stats.byKind["pages"] == 1)
        }
    }

    @Test func metricsNeedStaff() async throws {
        try await withLiveServer(try makeServer()) { client in
            let response = try await client.get("/api/metrics/snapshot/")
            #expect(response.status == .forbidden)
            #expect(bodyText(response) == #"{"detail":"You do not have permission to perform this action."}"#)
        }
        try await withLiveServer(try makeServer(deliveries: 300, isStaff: true)) { client in
            let response = try await client.get("/api/metrics/snapshot")
            #expect(response.status == .ok)
            let metrics = try #require(try json(response) as? [String: Int])
            #expect(metrics["sms:metrics:enqueue"] == 300)
            #expect(try await client.get("/api/metrics/snapshot/", authorization: nil).status == .unauthorized)
        }
    }

    @Test func tokenResolution() {
        #expect(SimulatorToken.resolve(explicit: "a", variable: "V", environment: ["V": "b"]) == "a")
        #expect(SimulatorToken.resolve(explicit: nil, variable: "V", environment: ["V": "b"]) == "b")
        #expect(SimulatorToken.resolve(explicit: nil, variable: "V", environment: ["V": ""]) == "sim-token")
        #expect(SimulatorToken.resolve(explicit: nil, variable: "V", environment: [:]) == "sim-token")
    }
}
