import Foundation
import HummingbirdTesting
import SMSSimulator
import Testing

@Suite struct FaultTests {
    /// The sequence numbers, among `requests` requests to `target`, that `plan` gives `fault`.
    private func planned(_ plan: FaultPlan, requests: Int, target: String, _ fault: InjectedFault) -> [Int] {
        (1...requests).filter { plan.fault(forRequest: $0, target: target) == fault }
    }

    @Test func failRateAnswers500AtTheRateAndCountsThem() async throws {
        let plan = try FaultPlan(failRate: 0.25, seed: 9)
        let expected = planned(plan, requests: 200, target: "/api/sms-report/?page=1", .serverError)
        #expect((30...70).contains(expected.count))
        try await withLiveServer(try makeServer(faults: plan)) { client in
            var failed: [Int] = []
            for sequence in 1...200 {
                let response = try await client.get("/api/sms-report/?page=1")
                if response.status == .internalServerError {
                    failed.append(sequence)
                    #expect(bodyText(response) == #"{"error":"An error occurred while fetching SMS reports."}"#)
                } else {
                    #expect(response.status == .ok)
                }
            }
            #expect(failed == expected)
            #expect(try await client.stats().failuresInjected == expected.count)
        }
    }

    @Test func everyKthRequestIsRateLimited() async throws {
        let plan = try FaultPlan(rateLimitEvery: 4, retryAfterSeconds: 0)
        try await withLiveServer(try makeServer(faults: plan)) { client in
            var limited: [Int] = []
            for sequence in 1...40 {
                let response = try await client.get(sequence.isMultiple(of: 2) ? "/api/batch-ids" : "/api/sms-report/")
                if response.status == .tooManyRequests {
                    limited.append(sequence)
                    #expect(response.headers[.retryAfter] == "0")
                }
            }
            #expect(limited == Array(stride(from: 4, through: 40, by: 4)))
            #expect(try await client.stats().rateLimited == 10)
        }
    }

    @Test func droppedConnectionsFailTheClient() async throws {
        let plan = try FaultPlan(dropRate: 0.3, seed: 5)
        let expected = planned(plan, requests: 60, target: "/api/batch-ids", .droppedConnection)
        #expect((8...30).contains(expected.count))
        try await withLiveServer(try makeServer(faults: plan)) { client in
            var dropped: [Int] = []
            for sequence in 1...60 {
                do {
                    let response = try await client.get("/api/batch-ids")
                    #expect(response.status == .ok)
                    #expect(try json(response) is [Any], "a response that arrives is whole")
                } catch {
                    dropped.append(sequence)
                }
            }
            let stats = try await client.stats()
            #expect(dropped == expected)
            #expect(stats.dropped == expected.count)
        }
    }

    @Test func failPathNeverHeals() async throws {
        let plan = try FaultPlan(failPaths: ["page=3", "campaign%2F"])
        try await withLiveServer(try makeServer(faults: plan)) { client in
            for _ in 1...3 {
                #expect(try await client.get("/api/sms-report/?page=3").status == .internalServerError)
                #expect(try await client.get("/api/sms-report/?page=2").status == .ok)
            }
            let batch = try await client.get("/api/sms-report/campaign%2F2025-11%20A/")
            #expect(batch.status == .internalServerError)
            #expect(bodyText(batch) == #"{"error":"An error occurred while fetching SMS messages."}"#)
            let stats = try await client.stats()
            #expect(stats.failuresInjected == 4)
            #expect(stats.pages == [3, 2, 3, 2, 3, 2])
        }
    }

    @Test func latencyIsAddedToEveryResponse() async throws {
        try await withLiveServer(try makeServer(latency: .milliseconds(150))) { client in
            let clock = ContinuousClock()
            let elapsed = try await clock.measure {
                _ = try await client.get("/api/sms-report/")
            }
            #expect(elapsed >= .milliseconds(150))
        }
    }

    @Test func planRatesHoldOverManyRequests() throws {
        let plan = try FaultPlan(failRate: 0.1, dropRate: 0.05, seed: 3)
        let faults = (1...20_000).compactMap { plan.fault(forRequest: $0, target: "/api/batch-ids") }
        let failures = faults.count { $0 == .serverError }
        let drops = faults.count { $0 == .droppedConnection }
        #expect(abs(failures - 2_000) < 200)
        #expect(abs(drops - 900) < 150, "drops are drawn among the requests that did not fail")
        #expect(faults == (1...20_000).compactMap { plan.fault(forRequest: $0, target: "/api/batch-ids") })
    }

    @Test func planRefusesBadValues() {
        #expect(throws: SimulatorOptionError.self) { try FaultPlan(failRate: 1.5) }
        #expect(throws: SimulatorOptionError.self) { try FaultPlan(dropRate: -0.1) }
        #expect(throws: SimulatorOptionError.self) { try FaultPlan(rateLimitEvery: -1) }
        #expect(throws: SimulatorOptionError.self) { try FaultPlan(retryAfterSeconds: -1) }
        #expect(throws: SimulatorOptionError.self) { try FaultPlan(failPaths: [""]) }
        #expect(throws: SimulatorOptionError.self) { try PageShiftPlan(everyPages: 1, size: 0) }
        #expect(throws: SimulatorOptionError.self) { try makeServer(pageSize: 0) }
    }
}
