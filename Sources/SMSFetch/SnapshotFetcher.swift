import Foundation
import Logging
import SMSCore
import SMSSupport

/// The fetch stage (contract §2, issue 3): batch-ids, every page (following `next`),
/// the batch reports of the window and the metrics, into a snapshot folder.
package struct SnapshotFetcher: Sendable {
    package let request: FetchRequest
    private let logger: Logger

    package init(request: FetchRequest, logger: Logger = Logger(label: "sms-report.fetch")) {
        self.request = request
        self.logger = logger
    }

    /// Runs the fetch. Throws only when no snapshot can be written (bad options,
    /// refused token, unwritable folder); a fetch with failed requests still writes
    /// its snapshot, marked incomplete. So does a fetch past its time limit, and one
    /// whose task is cancelled: it stops sending, and ends at once with the snapshot of
    /// what it has, marked incomplete with the reason. A fetch cancelled by a stop
    /// signal (``StopSignal``) writes nothing: its staging folder is removed and it
    /// throws ``FetchError/interrupted(signal:path:)``.
    package func run(progress: any ProgressSink = SilentProgress()) async throws(FetchError) -> FetchOutcome {
        try request.check()
        let staging = try SnapshotStaging(finalPath: request.outputFolder)
        let monitor = FetchMonitor(progress: progress)
        let client = APIClient(
            baseURL: request.baseURL, token: request.token, policy: request.retryPolicy,
            requestTimeout: request.requestTimeout, deadline: ContinuousClock.now + request.totalTimeout,
            concurrency: request.concurrency, logger: logger, monitor: monitor)
        var clock = LocalClock(timeZone: request.timeZone)
        let started = Instant.now
        var run = FetchRun(request: request, staging: staging, client: client, monitor: monitor)
        do {
            try await run.fetchAll()
        } catch {
            await client.shutdown()
            await monitor.finish()
            staging.abandon()
            throw error
        }
        await client.shutdown()
        await monitor.finish()
        if let stop = StopSignal.received {
            staging.abandon()
            throw .interrupted(signal: stop.description, path: staging.finalPath)
        }

        var manifest = run.manifest
        manifest.tool = request.tool
        manifest.baseURL = request.baseURL.description
        manifest.fetchStarted = clock.iso8601(started)
        manifest.fetchFinished = clock.iso8601(Instant.now)
        manifest.since = request.since?.description
        manifest.until = request.until?.description
        manifest.recheckHours = request.since == nil ? nil : request.recheckHours
        manifest.complete = manifest.reasons.isEmpty
        try staging.commit(manifest)
        let attempts = (manifest.requests ?? []).reduce(0) { $0 + $1.attempts }
        return FetchOutcome(snapshotFolder: staging.finalPath, manifest: manifest, attempts: attempts)
    }
}
