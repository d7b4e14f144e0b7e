/// Where a report's data came from, as the page's header names it.
public struct ReportSource: Sendable, Equatable {
    /// The account name of a nightly run (config), when there is one.
    public var account: String?
    /// The API's base URL, from the snapshot's manifest.
    public var baseURL: String?
    /// The snapshot folder's name, shown when neither of the above is known.
    public var snapshotName: String

    public init(account: String? = nil, baseURL: String? = nil, snapshotName: String) {
        self.account = account
        self.baseURL = baseURL
        self.snapshotName = snapshotName
    }

    /// The account, else the base URL, else the snapshot's name.
    package var displayName: String {
        account ?? baseURL ?? snapshotName
    }
}
