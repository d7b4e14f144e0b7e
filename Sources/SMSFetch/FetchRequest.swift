import SMSSupport
import SMSCore
import SnapshotFormat

/// Everything a fetch needs: where from, with what token, what window, how hard to try.
public struct FetchRequest: Sendable {
    /// The API's base URL; the only host the token is sent to.
    public var baseURL: APIBaseURL
    /// The API token.
    public var token: APIToken
    /// The snapshot folder to create.
    public var outputFolder: String
    /// Rows and batches from this local day on (minus ``recheckHours``); nil for all history.
    public var since: LocalDay?
    /// Batches up to this local day (inclusive); nil for no upper bound.
    public var until: LocalDay?
    /// Hours before `since` that are fetched again, because late status updates arrive within them.
    public var recheckHours: Int
    /// The timezone of `since` and `until`, and of the manifest's timestamps.
    public var timeZone: ReportTimeZone
    /// Requests in flight at most.
    public var concurrency: Int
    /// When and how often to retry.
    public var retryPolicy: RetryPolicy
    /// The longest one request may take.
    public var requestTimeout: Duration
    /// The longest the whole fetch may take; requests not done by then fail and the
    /// snapshot is marked incomplete.
    public var totalTimeout: Duration
    /// The tool's name and version, for the manifest.
    public var tool: String

    public init(baseURL: APIBaseURL, token: APIToken, outputFolder: String, since: LocalDay? = nil,
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
public struct FetchOutcome: Sendable {
    /// The snapshot folder.
    public var snapshotFolder: String
    /// The snapshot's manifest.
    public var manifest: Manifest
    /// Requests sent, counting retries.
    public var attempts: Int

    /// False when some pages or batches could not be fetched (exit 3).
    public var isComplete: Bool { manifest.complete }
}
