import GatewayAPI
import SMSCore
import SMSSupport
import SnapshotFormat
/// One fetch in progress: the requests in order, and the manifest they build.
package struct FetchRun {
    package let request: FetchRequest
    package let staging: SnapshotStaging
    package let client: APIClient
    package let monitor: FetchMonitor
    package private(set) var manifest = Manifest(complete: false)
    /// Why requests were cut short by the fetch as a whole; each becomes one reason.
    private var interruptions: Set<FetchInterruption> = []

    package init(request: FetchRequest, staging: SnapshotStaging, client: APIClient, monitor: FetchMonitor) {
        self.request = request
        self.staging = staging
        self.client = client
        self.monitor = monitor
        manifest.requests = []
    }

    /// The first instant wanted: the start of `since`, less the recheck window.
    private var windowStart: Instant? {
        request.since.map {
            Instant(microseconds: request.timeZone.startOfDay($0).microseconds - Int64(request.recheckHours) * 3_600_000_000)
        }
    }

    /// The first instant after the window: the start of the day after `until`.
    private var windowEnd: Instant? {
        request.until.map { request.timeZone.startOfDay(LocalDay(daysSinceEpoch: $0.daysSinceEpoch + 1)) }
    }

    package mutating func fetchAll() async throws(FetchError) {
        let wanted = await planBatchReports(try await fetchBatchIDs())
        // Batch reports need only batch-ids, so they are fetched while the pages are;
        // the client's gate keeps the total in flight within --concurrency. A child
        // task, so that cancelling the fetch cancels them too.
        let (client, monitor, staging, concurrency) = (client, monitor, staging, request.concurrency)
        async let batchReports = Self.fetchBatchReports(wanted, concurrency: concurrency, client: client,
                                                        monitor: monitor, staging: staging)
        try await fetchPages()
        try recordBatchReports(wanted, await batchReports)
        try await fetchMetrics()
        recordInterruptions()
    }

    /// The most pages planned at once when paging is not stopped early by `--since`.
    private static let largestWave = 4_096

    // MARK: Endpoints

    /// `GET /api/batch-ids`; returns its rows (none when it failed or found none).
    private mutating func fetchBatchIDs() async throws(FetchError) -> [BatchIDList.Row] {
        let response = await client.get("/api/batch-ids")
        try refuseOnAuthentication(response)
        guard response.isSuccess || (response.failure == nil && response.status == 404) else {
            recordFailure(response, what: "batch ids")
            return []
        }
        // A body that `report` could not read (an undocumented 404 such as Django's
        // `{"detail":"Not found."}`) is a failed request, not a file of the snapshot.
        guard let list = BatchIDList(body: response.body) else {
            recordFailure(response, what: "batch ids")
            return []
        }
        try store(response, as: SnapshotLayout.batchIDs)
        return list.rows
    }

    /// Every page: page 1 gives `count` and the page size, the rest are fetched in
    /// parallel (in waves when `since` may stop paging early), and the last page's
    /// `next` is followed until it is null.
    private mutating func fetchPages() async throws(FetchError) {
        let first = await client.get("/api/sms-report/?page=1")
        try refuseOnAuthentication(first)
        guard first.isSuccess, let summary = PageSummary(body: first.body) else {
            recordFailure(first, what: "page 1")
            return
        }
        try store(first, as: SnapshotLayout.pagePath(number: 1))
        await monitor.pageDone()
        manifest.pageSize = summary.rowCount
        if let literal = summary.unusableCount {
            // The pages are still read, one by one along `next`; the count is not
            // trusted to plan them, and the snapshot says why it is incomplete.
            manifest.reasons.append("page 1: count \(ReasonText.clean(literal)) is not a whole number from "
                                    + "\(PageSummary.countRange.lowerBound) to \(PageSummary.countRange.upperBound); "
                                    + "the pages were read by following next")
        }
        if isOlderThanWindow(summary) {
            manifest.pagingStoppedEarly = summary.next != nil
            return
        }
        guard summary.next != nil else { return }

        let pageSize = max(summary.rowCount, 1)
        let lastPage = max(1, ((summary.count ?? 0) + pageSize - 1) / pageSize)
        await monitor.pagesPlanned(lastPage)
        var highest = (number: 1, summary: summary)
        var number = 2
        // Waves bound the pages planned at once; with --since they stop paging early.
        let wave = windowStart == nil ? Self.largestWave : request.concurrency
        var pastTheEnd = false
        while number <= lastPage, !pastTheEnd {
            if let interruption = client.interruption {
                interruptions.insert(interruption)
                return
            }
            let numbers = Array(number...min(lastPage, number + min(wave, lastPage) - 1))
            number = numbers[numbers.count - 1] + 1
            let (client, monitor, staging) = (client, monitor, staging)
            let fetched = await BoundedConcurrency.map(numbers, limit: request.concurrency) { page in
                let file = await FetchedFile.fetch("/api/sms-report/?page=\(page)", storingAs: SnapshotLayout.pagePath(number: page),
                                                   isPage: true, client: client, staging: staging)
                await monitor.pageDone()
                return file
            }
            var stopped = false
            for (page, file) in zip(numbers, fetched) {
                // A page past the end: `count` promised more pages than there are.
                pastTheEnd = pastTheEnd || (file.response.failure == nil && file.response.status == 404)
                guard let pageSummary = try keep(file, what: "page \(page)") else { continue }
                if page > highest.number { highest = (page, pageSummary) }
                if !stopped, isOlderThanWindow(pageSummary) {
                    manifest.pagingStoppedEarly = pageSummary.next != nil || page < lastPage
                    stopped = true
                }
            }
            if stopped {
                return
            }
        }
        // When the last planned page failed, its failure is recorded and there is no
        // `next` to follow; asking again from an earlier page would only repeat it.
        if highest.number == lastPage || pastTheEnd {
            try await followNext(from: highest)
        }
    }

    /// Follows `next` from the highest page read, one page at a time, until it is null:
    /// `count` may have grown while the pages were read.
    private mutating func followNext(from start: (number: Int, summary: PageSummary)) async throws(FetchError) {
        var current = start
        while let link = current.summary.next {
            guard let path = request.baseURL.pathAndQuery(ofLink: link) else {
                manifest.reasons.append("page \(current.number): its next link \(ReasonText.clean(link)) has no path")
                return
            }
            let number = PageSummary.pageNumber(inLink: path) ?? current.number + 1
            guard number > current.number else {
                manifest.reasons.append("page \(current.number): its next link goes back to page \(number)")
                return
            }
            await monitor.pagesPlanned(number)
            let response = await client.get(path)
            await monitor.pageDone()
            guard let summary = try keepPage(response, number: number) else { return }
            current = (number, summary)
            if isOlderThanWindow(summary) {
                manifest.pagingStoppedEarly = summary.next != nil
                return
            }
        }
    }

    /// Stores a page and returns its summary; nil (with the reason recorded) when it failed.
    private mutating func keepPage(_ response: APIResponse, number: Int) throws(FetchError) -> PageSummary? {
        try refuseOnAuthentication(response)
        guard response.isSuccess, let summary = PageSummary(body: response.body) else {
            recordFailure(response, what: "page \(number)")
            return nil
        }
        try store(response, as: SnapshotLayout.pagePath(number: number))
        return summary
    }

    /// Records a body fetched and stored in parallel; returns its page summary (or an
    /// empty one for a batch report), nil (with the reason recorded) when it failed.
    private mutating func keep(_ file: FetchedFile, what: String) throws(FetchError) -> PageSummary? {
        try refuseOnAuthentication(file.response)
        guard let stored = file.stored else {
            recordFailure(file.response, what: what)
            return nil
        }
        manifest.requests?.append(try stored.get())
        return file.summary
    }

    /// The batches with a message in the window, in batch-ids order; the others are
    /// listed in the manifest as skipped.
    private mutating func planBatchReports(_ rows: [BatchIDList.Row]) async -> [String] {
        var wanted: [String] = []
        var wantedSet = Set<String>()
        var skipped = Set<String>()
        for row in rows where !row.batchID.isEmpty {
            let inWindow = (windowStart.map { row.sentAt >= $0 } ?? true) && (windowEnd.map { row.sentAt < $0 } ?? true)
            if !inWindow {
                skipped.insert(row.batchID)
            } else if wantedSet.insert(row.batchID).inserted {
                wanted.append(row.batchID)
            }
        }
        skipped.subtract(wantedSet)
        if !skipped.isEmpty {
            manifest.skippedBatches = skipped.sorted()
        }
        await monitor.batchesPlanned(wanted.count)
        return wanted
    }

    /// Fetches and stores the batch report of each of `batchIDs`, in parallel.
    private static func fetchBatchReports(_ batchIDs: [String], concurrency: Int, client: APIClient,
                                          monitor: FetchMonitor, staging: SnapshotStaging) async -> [FetchedFile] {
        await BoundedConcurrency.map(batchIDs, limit: concurrency) { batchID in
            let file = await FetchedFile.fetch(
                "/api/sms-report/\(APIBaseURL.encodePathSegment(batchID))/",
                storingAs: "\(SnapshotLayout.batchReportsFolder)/\(FileSafeName.batchReportFileName(for: batchID))",
                isPage: false, client: client, staging: staging)
            await monitor.batchDone()
            return file
        }
    }

    /// Records the batch reports in the manifest: a 404 is a missing report, not a failure.
    private mutating func recordBatchReports(_ batchIDs: [String], _ files: [FetchedFile]) throws(FetchError) {
        for (batchID, file) in zip(batchIDs, files) {
            let response = file.response
            if response.failure == nil, response.status == 404 {
                manifest.requests?.append(Manifest.Request(path: response.path, status: 404, attempts: response.attempts))
            } else if try keep(file, what: "batch \(ReasonText.clean(batchID))") != nil {
                manifest.batches[FileSafeName.batchReportFileName(for: batchID)] = batchID
            }
        }
    }

    /// `GET /api/metrics/snapshot/`: a 403 (the token's user is not staff) is a note,
    /// not a failure.
    private mutating func fetchMetrics() async throws(FetchError) {
        let response = await client.get("/api/metrics/snapshot/")
        if response.failure == nil, response.status == 403 || response.status == 401 {
            manifest.requests?.append(Manifest.Request(path: response.path, status: response.status, attempts: response.attempts))
            manifest.notes = (manifest.notes ?? []) + ["metrics refused (HTTP \(response.status)): the token's user is not staff"]
        } else if response.isSuccess {
            try store(response, as: SnapshotLayout.metrics)
        } else {
            recordFailure(response, what: "metrics")
        }
    }

    // MARK: Bookkeeping

    private func isOlderThanWindow(_ summary: PageSummary) -> Bool {
        guard let windowStart else { return false }
        return summary.newestSentAt.map { $0 < windowStart } ?? true
    }

    private func refuseOnAuthentication(_ response: APIResponse) throws(FetchError) {
        if response.isAuthenticationRefusal {
            throw .authenticationRefused(path: response.path, status: response.status)
        }
    }

    private mutating func store(_ response: APIResponse, as file: String) throws(FetchError) {
        manifest.requests?.append(try staging.store(response, as: file))
    }

    /// Records a failed request in the manifest, with its reason; a request cut short
    /// by the fetch's time limit or cancellation counts towards one reason for all.
    private mutating func recordFailure(_ response: APIResponse, what: String) {
        let reason = response.failure
            ?? ((200..<300).contains(response.status) ? "the body is not the documented JSON"
                : response.status == 404 ? "HTTP 404 with a body that is not the documented JSON" : "HTTP \(response.status)")
        manifest.requests?.append(Manifest.Request(path: response.path, status: response.status,
                                                   attempts: response.attempts, error: reason))
        if let interruption = response.interruption {
            interruptions.insert(interruption)
        } else {
            manifest.reasons.append("\(what): \(reason)")
        }
    }

    /// One reason per way the fetch was cut short.
    private mutating func recordInterruptions() {
        if interruptions.contains(.timeLimit) {
            manifest.reasons.append("the fetch's time limit (\(request.totalTimeout)) ran out; "
                                    + "the snapshot holds what was fetched before it")
        }
        if interruptions.contains(.cancelled) {
            manifest.reasons.append("the fetch was cancelled; the snapshot holds what was fetched before it")
        }
    }
}
