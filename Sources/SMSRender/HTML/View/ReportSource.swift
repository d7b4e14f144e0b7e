/// Where a report's data came from, as the page's header names it.
package struct ReportSource: Sendable, Equatable {
    /// The account name of a nightly run (config), when there is one.
    package var account: String?
    /// The API's base URL, from the snapshot's manifest.
    package var baseURL: String?
    /// The snapshot folder's name, shown when neither of the above is known.
    package var snapshotName: String

    package init(account: String? = nil, baseURL: String? = nil, snapshotName: String) {
        self.account = account
        self.baseURL = baseURL
        self.snapshotName = snapshotName
    }

    /// The account, else the base URL, else the snapshot's name.
    package var displayName: String {
        account ?? baseURL ?? snapshotName
    }
}
