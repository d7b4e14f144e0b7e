import Foundation
import GatewayAPI
import SMSFetch
import SMSSimulator
import SMSSupport
import Testing

/// `SnapshotFetcher` against the live simulator where timing matters (issue 11, item 3):
/// a trickled body is cut by the request timeout, the whole fetch by its time limit,
/// and a cancelled fetch stops at once; each leaves a valid incomplete snapshot.
///
/// A trickled page would take minutes (a byte every 100 ms), so each bound below is far
/// under what an uncut fetch takes and still leaves room for a machine busy with the
/// other suites, which run beside these; the three run one at a time.
@Suite(.serialized) struct LiveFetchTests {
    /// Fetches from `server` into a new folder with `change` applied to the request,
    /// optionally cancelling the fetch after `cancelAfter`; returns the outcome and the
    /// time it took.
    private func fetch(from server: SimulatorServer, cancelAfter: Duration? = nil,
                       _ change: @escaping @Sendable (inout FetchRequest) -> Void) async throws -> (FetchOutcome, Duration) {
        let folder = NSTemporaryDirectory() + "sms-live-fetch-" + UUID().uuidString
        return try await withLiveServer(server) { client in
            let port = try #require(client.client.port)
            var request = FetchRequest(baseURL: try #require(APIBaseURL("http://127.0.0.1:\(port)")),
                                       token: APIToken(testToken), outputFolder: folder,
                                       retryPolicy: RetryPolicy(retries: 1, baseDelay: .milliseconds(1)))
            change(&request)
            let fetcher = SnapshotFetcher(request: request)
            let started = ContinuousClock.now
            let task = Task { try await fetcher.run() }
            if let cancelAfter {
                try await Task.sleep(for: cancelAfter)
                task.cancel()
            }
            let outcome = try await task.value
            let elapsed = ContinuousClock.now - started
            #expect(FileManager.default.fileExists(atPath: folder + "/manifest.json"), "a valid snapshot is written")
            try? FileManager.default.removeItem(atPath: folder)
            return (outcome, elapsed)
        }
    }

    private func trickling(_ paths: [String]) throws -> SimulatorServer {
        try makeServer(deliveries: 60, pageSize: 10, faults: try FaultPlan(trickleInterval: .milliseconds(100), tricklePaths: paths))
    }

    @Test func aTrickledBodyIsCutByTheRequestTimeoutAndRetried() async throws {
        let (outcome, elapsed) = try await fetch(from: try trickling(["page=2"])) { $0.requestTimeout = .seconds(2) }
        // The whole trickled page would take minutes (a byte each 100 ms); cut at 2 s a
        // try, the fetch ends far sooner, even on a machine busy with other work (where
        // a request that is not trickled may time out as well: only page 2 must).
        #expect(elapsed < .seconds(40))
        #expect(!outcome.isComplete)
        #expect(outcome.manifest.reasons.contains("page 2: timed out after 2 attempts"))
    }

    @Test func theWholeFetchEndsAtItsTimeLimit() async throws {
        let (outcome, elapsed) = try await fetch(from: try trickling(["page="])) {
            $0.totalTimeout = .milliseconds(1500)
        }
        #expect(elapsed < .seconds(8))
        #expect(!outcome.isComplete)
        #expect(outcome.manifest.reasons.contains { $0.hasPrefix("the fetch's time limit (1.5 seconds) ran out") })
    }

    @Test func aCancelledFetchStopsAtOnceAndSaysSo() async throws {
        let (outcome, elapsed) = try await fetch(from: try trickling(["page="]), cancelAfter: .milliseconds(500)) { _ in }
        #expect(elapsed < .seconds(6))
        #expect(!outcome.isComplete)
        #expect(outcome.manifest.reasons.contains("the fetch was cancelled; the snapshot holds what was fetched before it"))
    }
}
