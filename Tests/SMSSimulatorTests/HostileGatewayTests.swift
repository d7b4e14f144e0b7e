import Foundation
import HummingbirdTesting
import SMSSimulator
import SMSWorld
import Testing

/// The simulator's hostile-gateway modes (issue 11): trickled bodies, an absurd
/// `count`, odd batch ids, control characters, an undocumented 404 and a base path.
@Suite struct HostileGatewayTests {
    @Test func aTrickledBodyComesWholeButOneByteAtATime() async throws {
        let plan = try FaultPlan(trickleInterval: .milliseconds(1), tricklePaths: ["page=2"])
        try await withLiveServer(try makeServer(pageSize: 2, faults: plan)) { client in
            let clock = ContinuousClock()
            let fast = try await client.get("/api/sms-report/?page=3")
            var slow: TestResponse?
            let elapsed = try await clock.measure {
                slow = try await client.get("/api/sms-report/?page=2")
            }
            let response = try #require(slow)
            #expect(response.status == .ok)
            #expect(try Page(response).results.count == 2, "the trickled body is whole, valid JSON")
            let bytes = response.body.readableBytes
            #expect(elapsed >= .milliseconds(1) * (bytes - 1))
            #expect(try Page(fast).results.count == 2)
            #expect(try await client.stats().trickled == 1)
        }
    }

    @Test func theCountCanBeAbsurd() async throws {
        for literal in ["1000000000000000000", "-5", "9223372036854775807"] {
            let oddities = try OddityPlan(countLiteral: literal)
            try await withLiveServer(try makeServer(oddities: oddities)) { client in
                let text = bodyText(try await client.get("/api/sms-report/?page=2"))
                #expect(text.hasPrefix(#"{"count":\#(literal),"next":"#))
                #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])
            }
        }
        #expect(throws: SimulatorOptionError.self) { try OddityPlan(countLiteral: "lots") }
        #expect(throws: SimulatorOptionError.self) { try OddityPlan(countLiteral: "1,2") }
    }

    @Test func oddBatchIDsAreServedUnderTheirEncodedNames() async throws {
        let server = try makeServer(oddities: try OddityPlan(oddBatchIDs: true))
        try await withLiveServer(server) { client in
            let rows = try #require(try json(try await client.get("/api/batch-ids")) as? [[String: Any]])
            let ids = Set(rows.compactMap { $0["batch_id"] as? String })
            #expect(ids.isSuperset(of: OddityPlan.oddBatchIDs))
            #expect(OddityPlan.longDevanagariID.count == 120)
            for (id, encoded) in [("..", "%2E%2E"), (".", "%2E"), (".hidden", ".hidden"),
                                  (OddityPlan.longDevanagariID,
                                   OddityPlan.longDevanagariID.utf8.map { String(format: "%%%02X", $0) }.joined())] {
                let response = try await client.get("/api/sms-report/\(encoded)/")
                #expect(response.status == .ok, "batch \(id)")
                let batchRows = try #require(try json(response) as? [[String: Any]])
                #expect(!batchRows.isEmpty)
            }
            #expect(try await client.stats().batchReportTargets.prefix(2) == ["/api/sms-report/%2E%2E/", "/api/sms-report/%2E/"])
            let truthIDs = Set(try await client.truth().map { $0[7] })
            #expect(truthIDs.isSuperset(of: OddityPlan.oddBatchIDs), "the ground truth follows the renamed batches")
        }
    }

    @Test func controlCharactersReachTextsNamesAndErrorBodies() async throws {
        let oddities = try OddityPlan(controlCharacters: true)
        let server = try makeServer(faults: try FaultPlan(failPaths: ["page=3"]), oddities: oddities)
        try await withLiveServer(server) { client in
            let page = try Page(try await client.get("/api/sms-report/?page=1"))
            let texts = page.results.compactMap { $0["message"] as? String }
            #expect(texts.contains { $0.contains("\u{1}\u{B}\u{1F}") })
            let names = page.results.flatMap { ($0["recipients"] as? [[String: Any]]) ?? [] }.compactMap { $0["client_name"] as? String }
            #expect(names.contains("Ram\u{1}\u{B}\u{1F}Thapa"))
            let failed = try await client.get("/api/sms-report/?page=3")
            #expect(failed.status == .internalServerError)
            let error = try #require(try json(failed) as? [String: String])
            #expect(error["error"]?.hasSuffix("\u{1}\u{B}\u{1F}") == true)
            let truthTexts = try await client.truth().map { $0[4] }
            #expect(truthTexts.contains { $0.contains("\u{1}") })
        }
    }

    @Test func batchIDsCanAnswerDjangosUndocumented404() async throws {
        let oddities = try OddityPlan(undocumentedBatchIDsNotFound: true)
        try await withLiveServer(try makeServer(oddities: oddities)) { client in
            let response = try await client.get("/api/batch-ids")
            #expect(response.status == .notFound)
            #expect(bodyText(response) == #"{"detail":"Not found."}"#)
            #expect(try await client.get("/api/sms-report/?page=1").status == .ok)
        }
    }

    @Test func theAPICanBeServedUnderABasePath() async throws {
        try await withLiveServer(try makeServer(basePath: "/gateway")) { client in
            let page = try Page(try await client.get("/gateway/api/sms-report/?page=1"))
            #expect(page.next == "https://dicesms.asia/gateway/api/sms-report/?page=2")
            #expect(try await client.get("/gateway/api/batch-ids").status == .ok)
            #expect(try await client.get("/api/sms-report/?page=1").status == .notFound)
            #expect(try await client.get("/gateway/gateway/api/sms-report/?page=2").status == .notFound)
            #expect(try await client.get("/__sim/stats", authorization: nil).status == .ok)
        }
        #expect(throws: SimulatorOptionError.self) { try makeServer(basePath: "gateway") }
        #expect(throws: SimulatorOptionError.self) { try makeServer(basePath: "/gateway/") }
        #expect(throws: SimulatorOptionError.self) { try FaultPlan(trickleInterval: .milliseconds(-1)) }
        #expect(throws: SimulatorOptionError.self) { try FaultPlan(tricklePaths: [""]) }
    }
}
