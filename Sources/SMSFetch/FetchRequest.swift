import GatewayAPI
import SMSCore
import SMSSupport
import SnapshotFormat

/// Everything a fetch needs: where from, with what token, what window, how hard to try.
package struct FetchRequest: Sendable {
    /// The API's base URL; the only host the token is sent to.
    package var baseURL: APIBaseURL
    /// The API token.
    package var token: APIToken
    /// The snapshot folder to create.
    package var outputFolder: String
    /// Rows and batches from this local day on (minus ``recheckHours``); nil for all history.
    package var since: LocalDay?
    /// Batches up to this local day (inclusive); nil for no upper bound.
    package var until: LocalDay?
    /// Hours before `since` that are fetched again, because late status updates arrive within them.
    package var recheckHours: Int
    /// The timezone of `since` and `until`, and of the manifest's timestamps.
    package var timeZone: ReportTimeZone
    /// Requests in flight at most.
    package var concurrency: Int
    /// When and how often to retry.
    package var retryPolicy: RetryPolicy
    /// The longest one request may take.
    package var requestTimeout: Duration
    /// The longest the whole fetch may take; requests not done by then fail and the
    /// snapshot is marked incomplete.
    package var totalTimeout: Duration
    /// The tool's name and version, for the manifest.
    package var tool: String

    package init(baseURL: APIBaseURL, token: APIToken, outputFolder: String, since: LocalDay? = nil,
                until: LocalDay? = nil, recheckHours: Int = 48, timeZone: ReportTimeZone = .kathmandu,
                concurrency: Int = 4, retryPolicy: RetryPolicy = RetryPolicy(),
                requestTimeout: Duration = .seconds(30), totalTimeout: Duration = .seconds(3600),
                tool: String = "sms-report") {
        self.baseURL = baseURL
        self.token = token
        self.outputFolder = outputFolder
        self.since = since
        self.until = until
        self.recheckHours = recheckHours
        self.timeZone = timeZone
        self.concurrency = concurrency
        self.retryPolicy = retryPolicy
        self.requestTimeout = requestTimeout
        self.totalTimeout = totalTimeout
        self.tool = tool
    }
}

/// What a fetch wrote.
package struct FetchOutcome: Sendable {
    /// The snapshot folder.
    package var snapshotFolder: String
    /// The snapshot's manifest.
    package var manifest: Manifest
    /// Requests sent, counting retries.
    package var attempts: Int

    /// False when some pages or batches could not be fetched (exit 3).
    package var isComplete: Bool { manifest.complete }
}

extension FetchRequest {
    /// The values each setting may take; outside them a fetch is refused (exit 2)
    /// before anything is sent, so that no option can overflow the arithmetic on times.
    package enum Limits {
        /// `--concurrency`.
        package static let concurrency = 1...1_024
        /// `--retries`.
        package static let retries = RetryPolicy.retryRange
        /// `--retry-delay-ms`, in milliseconds.
        package static let retryDelayMilliseconds = RetryPolicy.delayMillisecondRange
        /// `--recheck-hours`: up to a year.
        package static let recheckHours = 0...8_784
        /// `--request-timeout`, in seconds: up to a day.
        package static let requestTimeoutSeconds = 1...86_400
        /// `--timeout`, in seconds: up to a week.
        package static let totalTimeoutSeconds = 1...604_800
    }

    /// Refuses a setting outside ``Limits``, naming its option. A time limit may also be
    /// a fraction of its unit, as long as it is more than zero.
    package func check() throws(FetchError) {
        try Self.check("--concurrency", concurrency, within: Limits.concurrency)
        try Self.check("--retries", retryPolicy.retries, within: Limits.retries)
        try Self.check("--recheck-hours", recheckHours, within: Limits.recheckHours)
        for (option, duration, limits, unit) in [
            ("--retry-delay-ms", retryPolicy.baseDelay, Limits.retryDelayMilliseconds, Duration.milliseconds(1)),
            ("--request-timeout", requestTimeout, Limits.requestTimeoutSeconds, .seconds(1)),
            ("--timeout", totalTimeout, Limits.totalTimeoutSeconds, .seconds(1)),
        ] {
            // A library caller may ask for less than one unit (a test's 400 ms); only
            // nothing at all, or a negative time, is refused below the range.
            let isAboveFloor = limits.lowerBound == 0 ? duration >= .zero : duration > .zero
            guard isAboveFloor, duration <= unit * limits.upperBound else {
                throw .invalidOption(option: option, reason: "must be from \(limits.lowerBound) to \(limits.upperBound)")
            }
        }
    }

    private static func check(_ option: String, _ value: Int, within limits: ClosedRange<Int>) throws(FetchError) {
        guard limits.contains(value) else {
            throw .invalidOption(option: option, reason: "must be from \(limits.lowerBound) to \(limits.upperBound), not \(value)")
        }
    }
}
