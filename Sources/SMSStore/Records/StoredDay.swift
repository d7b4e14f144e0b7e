import SMSCore

/// One local day of one account, as the store keeps it (contract §9, "days").
///
/// A day is written together with all its rollups, in one transaction
/// (``DayWrite``); after `store prune` its row stays while its rollups go.
package struct StoredDay: Sendable, Equatable {
    /// The account's name (`[A-Za-z0-9_-]+` in a config, `default` without one).
    package var account: String
    /// The local day, in the account's report timezone.
    package var day: LocalDay
    /// True when the snapshot was complete and was fetched after the day had ended.
    package var isComplete: Bool
    /// When the data was fetched (the manifest's `fetch_finished`); nil when unknown.
    package var dataAsOf: Instant?
    /// The snapshot folder the day came from, as the writer named it.
    package var snapshot: String
    /// Deliveries on the day.
    package var deliveries: Int
    /// Distinct (`sent_at`, text) pairs on the day.
    package var messages: Int
    /// Every data-quality count of contract §4, by check name. The delivery checks
    /// count the day's deliveries; the fetch checks are the snapshot's whole counts.
    package var qualityCounts: [String: Int]

    package init(account: String, day: LocalDay, isComplete: Bool, dataAsOf: Instant?, snapshot: String,
                 deliveries: Int, messages: Int, qualityCounts: [String: Int]) {
        self.account = account
        self.day = day
        self.isComplete = isComplete
        self.dataAsOf = dataAsOf
        self.snapshot = snapshot
        self.deliveries = deliveries
        self.messages = messages
        self.qualityCounts = qualityCounts
    }
}
