import SMSCore

/// The local days a `run` (or a monthly billing) covers, first to last inclusive, in the
/// config's timezone (contract §1, §8).
package struct RunPeriod: Sendable, Hashable, CustomStringConvertible {
    /// The first day included.
    package let first: LocalDay
    /// The last day included.
    package let last: LocalDay

    /// The days `first` to `last`; nil when `first` is after `last`.
    package init?(first: LocalDay, last: LocalDay) {
        guard first <= last else { return nil }
        self.first = first
        self.last = last
    }

    /// One day.
    package init(day: LocalDay) {
        first = day
        last = day
    }

    /// A whole calendar month.
    package init(month: LocalMonth) {
        first = month.firstDay
        last = month.lastDay
    }

    /// Reads a period folder's name back (`2025-11-04`, `2025-11`, `2025-11-01_2025-11-15`);
    /// nil for any other name.
    package init?(folderName name: String) {
        if let day = LocalDay(iso: name) {
            self.init(day: day)
        } else if let month = LocalMonth(iso: name) {
            self.init(month: month)
        } else {
            let parts = name.split(separator: "_", omittingEmptySubsequences: false)
            guard parts.count == 2, let first = LocalDay(iso: String(parts[0])), let last = LocalDay(iso: String(parts[1])),
                  let period = RunPeriod(first: first, last: last), period.folderName == name else { return nil }
            self = period
        }
    }

    /// The number of days in the period (1 for a day).
    package var dayCount: Int { Int(last.daysSinceEpoch - first.daysSinceEpoch) + 1 }

    /// True when the period is one day.
    package var isSingleDay: Bool { first == last }

    /// The month when the period is exactly one whole calendar month, else nil. Billing
    /// joins monthly runs on it.
    package var month: LocalMonth? {
        let month = LocalMonth(containing: first)
        return first == month.firstDay && last == month.lastDay ? month : nil
    }

    /// True when the period is exactly one whole calendar month.
    package var isWholeMonth: Bool { month != nil }

    /// The name of the period's folder (contract §8): `2025-11-04` for a day, `2025-11`
    /// for a whole calendar month, `2025-11-01_2025-11-15` for any other range.
    package var folderName: String {
        if isSingleDay {
            return first.description
        }
        if let month {
            return month.description
        }
        return "\(first)_\(last)"
    }

    /// The `fetch --since` day of a run: the period's first day (the fetch goes back a
    /// further `recheck_hours` itself).
    package var fetchSince: LocalDay { first }

    /// The `fetch --until` day of a run: the period's last day.
    package var fetchUntil: LocalDay { last }

    /// The folder name; also how the period is shown in messages and subjects.
    package var description: String { folderName }
}
