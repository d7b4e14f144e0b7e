import SMSSupport

/// Counts what a fetch has done, for its live progress line: requests finished,
/// retries, and how many pages and batches are known and done.
package actor FetchMonitor {
    private let progress: any ProgressSink
    private let started = ContinuousClock.now
    private var requests = 0
    private var retries = 0
    private var pagesDone = 0
    private var pagesKnown = 0
    private var batchesDone = 0
    private var batchesKnown = 0

    package init(progress: any ProgressSink) {
        self.progress = progress
    }

    package func requestFinished() {
        requests += 1
        report()
    }

    package func retrying() {
        retries += 1
        report()
    }

    package func pagesPlanned(_ count: Int) {
        pagesKnown = max(pagesKnown, count)
        report()
    }

    package func pageDone() {
        pagesDone += 1
        pagesKnown = max(pagesKnown, pagesDone)
        report()
    }

    package func batchesPlanned(_ count: Int) {
        batchesKnown = count
        report()
    }

    package func batchDone() {
        batchesDone += 1
        report()
    }

    package func finish() {
        progress.finish(stage: "fetching")
    }

    private func report() {
        let seconds = (ContinuousClock.now - started).inSeconds
        let rate = seconds > 0 ? Double(requests) / seconds : 0
        let total = pagesKnown + batchesKnown
        let done = pagesDone + batchesDone
        var line = "fetching: pages \(pagesDone)/\(pagesKnown), batches \(batchesDone)/\(batchesKnown), "
            + "\(Int(rate.rounded())) req/s, \(retries) retries"
        if rate > 0, total > done {
            line += ", ETA \(Int((Double(total - done) / rate).rounded(.up))) s"
        }
        progress.update(stage: line, done: done, total: total, unit: "requests")
    }
}
