import SMSCore

/// What `sms-report history` renders (contract §9): the `history` trend table built
/// from the store, and what the reader must know about the days behind it. The
/// renderers format these values; they compute none.
package struct HistoryDocument: Sendable {
    /// The account the store's days belong to.
    package var account: String
    /// The `history` table: `bucket`, the group column when grouped, `<G>`, then
    /// `latency_quantiles, complete_days, stored_days`; rows by bucket, then group.
    package var table: Table
    /// How days are bucketed: `day`, `week` (ISO weeks) or `month`.
    package var bucketing: String
    /// The group column's name (`operator`, `prefix`, `batch_id`, `status`); nil when not grouped.
    package var groupColumn: String?
    /// The first day of the covered range; nil when nothing is stored.
    package var from: LocalDay?
    /// The last day of the covered range; nil when nothing is stored.
    package var to: LocalDay?
    /// Days of the range that the store does not hold: listed, never counted as zero.
    package var missingDays: [LocalDay]
    /// Days whose rollups were pruned, only their totals kept.
    package var prunedDays: [LocalDay]
    /// Days of the range the store holds.
    package var storedDays: Int
    /// Stored days that came from a complete snapshot.
    package var completeDays: Int
    /// The report timezone of the days.
    package var timeZone: ReportTimeZone
    /// When the history was made.
    package var generatedAt: Instant

    package init(account: String, table: Table, bucketing: String, groupColumn: String?, from: LocalDay?,
                 to: LocalDay?, missingDays: [LocalDay], prunedDays: [LocalDay], storedDays: Int,
                 completeDays: Int, timeZone: ReportTimeZone, generatedAt: Instant) {
        self.account = account
        self.table = table
        self.bucketing = bucketing
        self.groupColumn = groupColumn
        self.from = from
        self.to = to
        self.missingDays = missingDays
        self.prunedDays = prunedDays
        self.storedDays = storedDays
        self.completeDays = completeDays
        self.timeZone = timeZone
        self.generatedAt = generatedAt
    }

    /// `2026-11-01 to 2026-11-30`, one day alone, or `nothing stored`.
    package var rangeText: String {
        guard let from, let to else { return "nothing stored" }
        return from == to ? from.description : "\(from) to \(to)"
    }

    /// `day`, `ISO week (Monday first)` or `month`, as a reader says it.
    package var bucketingText: String {
        bucketing == "week" ? "ISO week (Monday first)" : bucketing
    }

    /// `N stored days, M complete`.
    package var storedDaysText: String {
        "\(DisplayFormat.counted(storedDays, "stored day", "stored days")), \(DisplayFormat.count(completeDays)) complete"
    }

    /// The days listed, comma-separated, or `none`.
    package static func list(_ days: [LocalDay]) -> String {
        days.isEmpty ? "none" : days.map(\.description).joined(separator: ", ")
    }

    /// A chart title, with ` (N days missing)` when the store lacks days of the range.
    package func chartTitle(_ text: String) -> String {
        missingDays.isEmpty ? text : "\(text) (\(DisplayFormat.counted(missingDays.count, "day", "days")) missing)"
    }
}

extension HistoryDocument {
    /// The table rearranged for the charts.
    package var chartData: HistoryChartData {
        HistoryChartData(table, groupColumn: groupColumn, timeZone: timeZone)
    }
}
