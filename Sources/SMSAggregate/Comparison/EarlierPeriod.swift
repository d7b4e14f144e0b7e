import SMSCore

/// A period that a report is compared with (contract §10), and its KPIs from the store.
package struct EarlierPeriod: Sendable, Equatable {
    /// How people call it: `previous day`, `same day last week`, `previous month`,
    /// `previous 15 days`.
    package var label: String
    package var days: ClosedRange<LocalDay>
    /// The period's KPIs; nil when the store does not hold every day of it (shown as
    /// `no data`, never 0).
    package var figures: KPIFigures?

    package init(label: String, days: ClosedRange<LocalDay>, figures: KPIFigures?) {
        self.label = label
        self.days = days
        self.figures = figures
    }

    /// The periods a report of `period` is compared with: for a day, the day before and
    /// the same weekday a week before; for a whole calendar month, the month before; for
    /// any other range, the range of the same length just before it. No figures yet.
    package static func periods(before period: ClosedRange<LocalDay>) -> [EarlierPeriod] {
        let first = period.lowerBound, last = period.upperBound
        if first == last {
            return [EarlierPeriod(label: "previous day", days: first.adding(days: -1)...first.adding(days: -1), figures: nil),
                    EarlierPeriod(label: "same day last week", days: first.adding(days: -7)...first.adding(days: -7),
                                  figures: nil)]
        }
        let month = LocalMonth(containing: first)
        if first == month.firstDay, last == month.lastDay {
            let previous = month.previous
            return [EarlierPeriod(label: "previous month", days: previous.firstDay...previous.lastDay, figures: nil)]
        }
        let length = first.days(until: last) + 1
        return [EarlierPeriod(label: "previous \(length) days", days: first.adding(days: -length)...first.adding(days: -1),
                              figures: nil)]
    }
}
