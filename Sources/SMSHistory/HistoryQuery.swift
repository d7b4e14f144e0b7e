import SMSCore

/// What `history` asks of the store (contract §9): an account's days, optionally
/// bounded, bucketed by day, ISO week or month, optionally grouped.
package struct HistoryQuery: Sendable, Equatable {
    package var account: String
    /// The first day covered; nil for the account's first stored day.
    package var from: LocalDay?
    /// The last day covered; nil for the account's last stored day.
    package var to: LocalDay?
    package var bucket: HistoryBucket
    /// The group column; nil for one row per bucket.
    package var group: HistoryGroup?

    package init(account: String, from: LocalDay? = nil, to: LocalDay? = nil, bucket: HistoryBucket = .day,
                 group: HistoryGroup? = nil) {
        self.account = account
        self.from = from
        self.to = to
        self.bucket = bucket
        self.group = group
    }
}

/// The `--group` of `history`: which key splits each bucket's rows.
package enum HistoryGroup: String, CaseIterable, Sendable {
    case operatorName = "operator"
    case prefix
    case batch
    case status

    /// The group column's name in the `history` table.
    package var columnName: String {
        switch self {
        case .operatorName: "operator"
        case .prefix: "prefix"
        case .batch: "batch_id"
        case .status: "status"
        }
    }
}
