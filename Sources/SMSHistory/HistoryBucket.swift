import SMSCore

/// The `--by` of `history`: the period each row covers (contract §9).
package enum HistoryBucket: String, CaseIterable, Sendable {
    /// A local day, labelled `YYYY-MM-DD`.
    case day
    /// An ISO 8601 week, Monday first, labelled `YYYY-Www` with the ISO week-year.
    case week
    /// A month, labelled `YYYY-MM`.
    case month

    /// An integer that orders the buckets: the same for every day of one bucket.
    package func order(of day: LocalDay) -> Int {
        switch self {
        case .day: Int(day.daysSinceEpoch)
        case .week: Int(ISOWeek(containing: day).monday.daysSinceEpoch)
        case .month: LocalMonth(containing: day).year * 12 + LocalMonth(containing: day).month
        }
    }

    /// The label of the bucket that holds `day`: `2025-11-04`, `2025-W45` or `2025-11`.
    package func label(of day: LocalDay) -> String {
        switch self {
        case .day: day.description
        case .week: ISOWeek(containing: day).label
        case .month: LocalMonth(containing: day).description
        }
    }
}

/// An ISO 8601 week: Monday to Sunday, numbered within the ISO week-year, which is
/// the year of the week's Thursday (so 2024-12-30 is in 2025-W01).
package struct ISOWeek: Sendable, Equatable {
    /// The week's Monday.
    package let monday: LocalDay
    /// The ISO week-year.
    package let year: Int
    /// The week number, 1…53.
    package let week: Int

    /// The week that contains `day`.
    package init(containing day: LocalDay) {
        let days = Int(day.daysSinceEpoch)
        // 1970-01-01 was a Thursday: ISO weekday 4 (Monday 1 … Sunday 7).
        let weekdayFromMonday = ((days + 3) % 7 + 7) % 7
        let mondayDays = days - weekdayFromMonday
        let thursday = LocalDay(daysSinceEpoch: Int32(mondayDays + 3))
        let thursdayYear = thursday.components.year
        let januaryFirst = LocalDay(year: thursdayYear, month: 1, day: 1)
        monday = LocalDay(daysSinceEpoch: Int32(mondayDays))
        year = thursdayYear
        week = Int(thursday.daysSinceEpoch - januaryFirst.daysSinceEpoch) / 7 + 1
    }

    /// `YYYY-Www`, e.g. `2025-W01`.
    package var label: String {
        let yearText = String(year)
        let paddedYear = String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText
        return paddedYear + "-W" + (week < 10 ? "0" : "") + String(week)
    }
}
